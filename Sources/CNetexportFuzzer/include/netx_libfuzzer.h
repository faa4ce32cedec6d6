#ifndef NETX_LIBFUZZER_H
#define NETX_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program that keeps its own main()
/// (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library). The toolchain ships
/// the library (libclang_rt.fuzzer_no_main) but no header; scripts/fuzz links it into
/// netexport-fuzz, and only the fuzzing build (NETEXPORT_LIBFUZZER) calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
