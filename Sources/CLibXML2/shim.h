#ifndef NEWSSEARCH_CLIBXML2_SHIM_H
#define NEWSSEARCH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so encoding.h pulls in the system <unicode/*.h>; Foundation
   ships its own ICU headers, and Clang refuses the two `UErrorCode` enums in one Swift module.
   We never touch the ICU-only fields (they sit behind pointers in xmlCharEncodingHandler), so
   hiding them keeps every struct we use the same layout. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
