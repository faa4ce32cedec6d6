// Declarations only (include/netx_libfuzzer.h); SwiftPM needs a source file in a C target.
#include "netx_libfuzzer.h"
