# `cmake --install` of the python component puts a working package in the
# interpreter's site-packages layout under the prefix.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --component python --prefix ${WORK_DIR}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
if(IS_ABSOLUTE "${INSTALL_DIR}")
  message(FATAL_ERROR "DIGESTKIT_PYTHON_INSTALL_DIR=${INSTALL_DIR} lies outside the prefix: not tested here")
endif()
set(check [=[
import sys, pathlib, digestkit
assert pathlib.Path(digestkit.__file__).is_relative_to(sys.argv[1]), digestkit.__file__
docs = digestkit.parse(open(sys.argv[2], "rb").read())
print(len(docs), len(docs[0]["entries"]))
]=])
execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${WORK_DIR}/${INSTALL_DIR} PYTHONNOUSERSITE=1
                        ${PYTHON} -c "${check}" ${WORK_DIR} ${SAMPLE}
                WORKING_DIRECTORY ${WORK_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "1 3\n")
  message(FATAL_ERROR "installed package: exit ${rc}, output '${out}' ${err}")
endif()
