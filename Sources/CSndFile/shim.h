#ifndef CSNDFILE_SHIM_H
#define CSNDFILE_SHIM_H

// libsndfile (Debian: libsndfile1-dev), wrapped by Sources/Audio/File/SoundFileHandle.swift.
#include <sndfile.h>

#endif
