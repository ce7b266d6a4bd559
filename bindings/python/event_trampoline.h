/*
 * The C callback that arc_event_subscribe() receives in the Python binding.
 * It is included into the SWIG wrapper, after the SWIG runtime, and nowhere
 * else.
 *
 * The event is handed, as a borrowed raw pointer, to
 * arcollect._events.dispatch(token, event), which reads it and calls the
 * subscriber. dispatch() catches what the subscriber raises; should anything
 * still escape, it is reported as unraisable and cleared here, so that no
 * Python error is left pending while the library finishes its commit.
 */
#ifndef ARCB_PYTHON_EVENT_TRAMPOLINE_H
#define ARCB_PYTHON_EVENT_TRAMPOLINE_H

#include <stdint.h>

static void arcb_event_trampoline(const arc_event *event, void *data)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *module = PyImport_ImportModule("arcollect._events");
    PyObject *raw_event = NULL, *result = NULL;

    if (module != NULL) {
        raw_event = SWIG_InternalNewPointerObj((void *)event, SWIGTYPE_p_arc_event, 0);
        result = PyObject_CallMethod(module, "dispatch", "LO", (long long)(intptr_t)data,
                                     raw_event);
    }
    if (result == NULL)
        PyErr_WriteUnraisable(module);

    Py_XDECREF(result);
    Py_XDECREF(raw_event);
    Py_XDECREF(module);
    PyGILState_Release(gil);
}

#endif
