# frozen_string_literal: true

# Runs every test_*.rb of this folder: ruby -I<lib> -I<build lib> test/run.rb
Dir[File.join(__dir__, "test_*.rb")].sort.each { |file| require file }
