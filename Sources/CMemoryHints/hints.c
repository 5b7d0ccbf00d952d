// Everything is inline in include/CMemoryHints.h; SwiftPM needs one source file to build a C target.
#include "CMemoryHints.h"
