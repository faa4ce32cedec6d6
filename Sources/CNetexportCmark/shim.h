// cmark-gfm, the CommonMark reference parser with GitHub's extensions (Debian
// libcmark-gfm-dev and libcmark-gfm-extensions-dev). Only Sources/NetexportImport/CommonMark.swift
// uses this module: it turns cmark's tree into Swift values.
#ifndef CNETEXPORT_CMARK_SHIM_H
#define CNETEXPORT_CMARK_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#endif
