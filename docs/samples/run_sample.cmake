# Run one sample of the guides in a fresh, empty directory, so that the books
# it creates never outlive the run and a failed run cannot disturb the next.
#
#   cmake -DWORK_DIR=DIR [-DEXPECTED_OUTPUT=FILE] -P run_sample.cmake PROGRAM [ARG...]
#
# Fails when the program exits non-zero, or, with EXPECTED_OUTPUT, when its
# standard output differs from that file (the output the guide shows). Its
# output goes to ctest's log either way.

if(NOT WORK_DIR)
    message(FATAL_ERROR "run_sample.cmake: WORK_DIR is not set")
endif()

# Everything after the script's own name is the command to run.
set(command)
set(first -1)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 1 ${last})
    if(first EQUAL -1 AND CMAKE_ARGV${i} STREQUAL "-P")
        math(EXPR first "${i} + 2")
    elseif(NOT first EQUAL -1 AND i GREATER_EQUAL first)
        list(APPEND command "${CMAKE_ARGV${i}}")
    endif()
endforeach()
if(NOT command)
    message(FATAL_ERROR "run_sample.cmake: no program to run")
endif()

file(REMOVE_RECURSE "${WORK_DIR}" "${WORK_DIR}.actual")
file(MAKE_DIRECTORY "${WORK_DIR}")

if(EXPECTED_OUTPUT)
    execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORK_DIR}"
                    RESULT_VARIABLE status OUTPUT_VARIABLE output)
    message("${output}")
else()
    execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORK_DIR}"
                    RESULT_VARIABLE status)
endif()

list(JOIN command " " shown)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "sample failed (${status}): ${shown}")
endif()
if(EXPECTED_OUTPUT)
    file(READ "${EXPECTED_OUTPUT}" expected)
    if(NOT output STREQUAL expected)
        file(WRITE "${WORK_DIR}.actual" "${output}")
        message(NOTICE "The guide shows instead:\n${expected}")
        message(FATAL_ERROR "sample ${shown}: its output differs from what the guide "
                            "shows; compare: diff ${EXPECTED_OUTPUT} ${WORK_DIR}.actual")
    endif()
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
