#ifndef CMEMORYHINTS_H
#define CMEMORYHINTS_H

// Swift has no way to ask the processor to start loading a cache line without waiting for it. The
// pass over a broad query's matches reads each match's facet columns at a new place in the mapped
// columns file; asking for those lines a row ahead lets the misses overlap the ranking of the row.

/// Starts loading the cache line holding `address` for reading; never faults, returns at once.
static inline void newssearch_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
