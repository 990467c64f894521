# One library per folder, each with its own include root (FOLDER/include), so a file can only
# include the headers of the libraries its folder links: a forbidden include does not compile.
# Third-party headers that sit in /usr/include (OSG, PROJ, ImGui under imgui/, GDAL under gdal/)
# are reachable from everywhere, so a library that may not use them gets a folder of stubs
# first on its include path, each an #error naming the rule (cmake/forbidden/GROUP).

set(JBT_FORBIDDEN_ROOT "${CMAKE_BINARY_DIR}/forbidden")

# Writes the stubs of one group: every header under the given /usr/include sub-folders (kept
# as <folder/header>) and the given top-level headers.
function(jbt_forbid_group group what)
  cmake_parse_arguments(G "" "" "DIRS;HEADERS" ${ARGN})
  set(root "${JBT_FORBIDDEN_ROOT}/${group}")
  if(EXISTS "${root}/.done")
    return()
  endif()
  set(headers ${G_HEADERS})
  foreach(dir ${G_DIRS})
    file(GLOB_RECURSE found RELATIVE /usr/include "/usr/include/${dir}/*")
    list(APPEND headers ${found})
  endforeach()
  foreach(h ${headers})
    file(WRITE "${root}/${h}"
         "#error \"<${h}> may not be included here: ${what} belongs to other libraries (docs/architecture.md)\"\n")
  endforeach()
  file(WRITE "${root}/.done" "")
endfunction()

file(GLOB _jbt_osg_dirs RELATIVE /usr/include LIST_DIRECTORIES true /usr/include/osg* /usr/include/OpenThreads)
jbt_forbid_group(osg "OpenSceneGraph" DIRS ${_jbt_osg_dirs})
jbt_forbid_group(gdal "GDAL/OGR/PROJ/GEOS" DIRS gdal proj geos HEADERS proj.h proj_experimental.h geos_c.h)
jbt_forbid_group(imgui "Dear ImGui" DIRS imgui)

# jbt_library(NAME SOURCES ... PUBLIC ... PRIVATE ... FORBID groups...)
function(jbt_library name)
  cmake_parse_arguments(L "" "" "SOURCES;PUBLIC;PRIVATE;FORBID" ${ARGN})
  add_library(${name} STATIC ${L_SOURCES})
  target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(${name} PUBLIC ${L_PUBLIC} PRIVATE ${L_PRIVATE})
  set(forbidden "")
  foreach(group ${L_FORBID})
    list(APPEND forbidden "${JBT_FORBIDDEN_ROOT}/${group}")
  endforeach()
  if(forbidden)
    target_include_directories(${name} BEFORE PRIVATE ${forbidden})
  endif()
  set_target_properties(${name} PROPERTIES JBT_FORBIDDEN "${forbidden}")
endfunction()

# A test that a header cannot be included from LIBRARY's code (EXPECT fail) or can (EXPECT pass):
# builds a one-line probe with the library's include paths and stubs.
function(jbt_include_probe library header expect)
  string(MAKE_C_IDENTIFIER "probe_${library}_${header}" probe)
  file(WRITE "${CMAKE_BINARY_DIR}/probes/${probe}.cpp" "#include <${header}>\n")
  add_library(${probe} OBJECT EXCLUDE_FROM_ALL "${CMAKE_BINARY_DIR}/probes/${probe}.cpp")
  target_link_libraries(${probe} PRIVATE ${library})
  get_target_property(forbidden ${library} JBT_FORBIDDEN)
  if(forbidden)
    target_include_directories(${probe} BEFORE PRIVATE ${forbidden})
  endif()
  add_test(NAME "layering.${library}.${expect}.${header}"
           COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target ${probe})
  if(expect STREQUAL "forbidden")
    set_tests_properties("layering.${library}.${expect}.${header}" PROPERTIES
                         PASS_REGULAR_EXPRESSION "may not be included here|No such file or directory")
  endif()
  set_tests_properties("layering.${library}.${expect}.${header}" PROPERTIES RESOURCE_LOCK build_tree)
endfunction()
