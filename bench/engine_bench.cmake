# The engine's incremental benchmark (bench/engine_bench.cc), built only when Google Benchmark
# is found. Its smoke test runs the smallest night once; timings are never asserted.
find_package(benchmark QUIET)
if(benchmark_FOUND AND NOT PSEPHOS_CORE_ONLY)
  add_executable(psephos_engine_bench ${CMAKE_CURRENT_LIST_DIR}/engine_bench.cc)
  target_link_libraries(psephos_engine_bench PRIVATE psephos_engine psephos_demo benchmark::benchmark)
  set_target_properties(psephos_engine_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
  add_test(NAME bench.incremental_runs
           COMMAND psephos_engine_bench "--benchmark_filter=(BM_NightApply|BM_EngineDeclare)/1/iter|BM_EngineDeclareSqlite/1/50/")
endif()

# The live fan-out benchmark's client (bench/sse_fanout.cc): plain sockets and epoll.
if(NOT PSEPHOS_CORE_ONLY)
  add_executable(psephos_sse_fanout ${CMAKE_CURRENT_LIST_DIR}/sse_fanout.cc)
  set_target_properties(psephos_sse_fanout PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
endif()

# Each benchmark once at a tiny scale, and the installed peers agree (bench/smoke_test.sh).
if(NOT PSEPHOS_CORE_ONLY)
  add_test(NAME bench.smoke
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/smoke_test.sh $<TARGET_FILE:psephos> $<TARGET_FILE:psephos_sse_fanout>)
  set_tests_properties(bench.smoke PROPERTIES TIMEOUT 300)
endif()
