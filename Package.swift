// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "netexport",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "netexport", targets: ["netexport"]),
    .library(name: "NetexportModel", targets: ["NetexportModel"]),
    .library(name: "NetexportICU", targets: ["NetexportICU"]),
    .library(name: "NetexportResolution", targets: ["NetexportResolution"]),
    .library(name: "NetexportWorkspace", targets: ["NetexportWorkspace"]),
    .library(name: "NetexportValidation", targets: ["NetexportValidation"]),
    .library(name: "NetexportExporters", targets: ["NetexportExporters"]),
    .library(name: "NetexportReadability", targets: ["NetexportReadability"]),
    .library(name: "NetexportAudio", targets: ["NetexportAudio"]),
    .library(name: "NetexportImport", targets: ["NetexportImport"]),
    .library(name: "NetexportInterchange", targets: ["NetexportInterchange"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // ICU lives behind this one door: a C++ target whose public header declares only
    // netexport's own functions. ICU's headers are included by the .cpp file alone, so
    // neither ICU's renaming macros nor its UErrorCode ever reach Swift (Foundation on
    // Linux ships a conflicting copy of those headers).
    .target(
      name: "CNetexportICU",
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
    ),
    .target(name: "NetexportICU", dependencies: ["CNetexportICU"]),
    .target(
      name: "NetexportModel",
      dependencies: ["NetexportICU", .product(name: "Yams", package: "Yams")]
    ),
    // Resolution is the one judge of whether a message can be used, below everything that
    // reads resolved text: validation, readability and the exporters.
    .target(name: "NetexportResolution", dependencies: ["NetexportModel", "NetexportICU"]),
    .target(name: "NetexportValidation", dependencies: ["NetexportResolution", "NetexportModel", "NetexportICU"]),
    .target(
      name: "NetexportExporters",
      dependencies: ["NetexportAudio", "NetexportResolution", "NetexportModel", "NetexportICU"],
      resources: [.copy("Resources/render_pdf.py")]
    ),
    .target(
      name: "NetexportReadability",
      dependencies: ["NetexportResolution", "NetexportModel", "NetexportICU", .product(name: "Yams", package: "Yams")]
    ),
    // Audio files from SSML through external programs (espeak-ng, opusenc, ffmpeg), run with
    // Foundation's Process; only the document's locale and diagnostics come from the model.
    .target(name: "NetexportAudio", dependencies: ["NetexportModel", "NetexportICU"]),
    // cmark-gfm lives behind one door too: only NetexportImport/CommonMark.swift imports this
    // module, and it hands the rest of the target a Swift value tree. pkg-config's
    // libcmark-gfm.pc links both libcmark-gfm and libcmark-gfm-extensions (the module map
    // names both as well, for machines without pkg-config).
    .systemLibrary(
      name: "CNetexportCmark",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(
      name: "NetexportImport",
      dependencies: ["CNetexportCmark", "NetexportModel", .product(name: "Yams", package: "Yams")]
    ),
    // Catalogs to and from the files CAT tools read: PO (by hand) and XLIFF 2.0 (FoundationXML).
    .target(name: "NetexportInterchange", dependencies: ["NetexportModel"]),
    // The project as a whole: manifest, documents and catalogs read once; the export gate;
    // what each command does to a library of documents. The command line calls only this.
    .target(
      name: "NetexportWorkspace",
      dependencies: [
        "NetexportExporters", "NetexportAudio", "NetexportReadability", "NetexportValidation", "NetexportResolution",
        "NetexportImport", "NetexportInterchange", "NetexportModel", "NetexportICU",
      ],
      resources: [.copy("Resources/labels.en.yaml")]
    ),
    .executableTarget(
      name: "netexport",
      dependencies: [
        "NetexportWorkspace", "NetexportExporters", "NetexportAudio", "NetexportReadability", "NetexportValidation",
        "NetexportResolution", "NetexportModel", "NetexportICU",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "NetexportFuzzHarness",
      dependencies: [
        "NetexportExporters", "NetexportValidation", "NetexportResolution", "NetexportImport", "NetexportModel",
        "NetexportICU", "NetexportInterchange",
      ],
      resources: [.copy("Fixture")]
    ),
    // libFuzzer's driver, declared for the fuzzing build of netexport-fuzz (scripts/fuzz links
    // the library); a normal build never calls it.
    .target(name: "CNetexportFuzzer"),
    .executableTarget(name: "netexport-fuzz", dependencies: ["NetexportFuzzHarness", "CNetexportFuzzer"]),
    // What the test suites share: this repository as a project (read from the checkout, not
    // from a bundled copy), `TestProject`, a project in a temporary folder, and `Probe`, which
    // reads audio files back with ffprobe.
    .target(
      name: "NetexportTestSupport", dependencies: ["NetexportResolution", "NetexportModel", "NetexportICU"],
      path: "Tests/NetexportTestSupport"),
    .testTarget(name: "NetexportICUTests", dependencies: ["NetexportICU", "CNetexportICU", "NetexportTestSupport"]),
    .testTarget(
      name: "NetexportModelTests", dependencies: ["NetexportModel", "NetexportTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "NetexportValidationTests",
      dependencies: [
        "NetexportValidation", "NetexportResolution", "NetexportModel", "NetexportICU", "NetexportTestSupport",
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "NetexportExportersTests",
      dependencies: [
        "NetexportExporters", "NetexportResolution", "NetexportValidation", "NetexportWorkspace", "NetexportModel",
        "NetexportTestSupport", "NetexportFuzzHarness",
      ],
      resources: [.copy("Snapshots")]
    ),
    .testTarget(
      name: "NetexportReadabilityTests",
      dependencies: [
        "NetexportReadability", "NetexportResolution", "NetexportModel", "NetexportICU", "NetexportTestSupport",
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "NetexportCLITests", dependencies: ["netexport", "NetexportTestSupport"]),
    .testTarget(
      name: "NetexportAudioTests",
      dependencies: ["NetexportAudio", "NetexportModel", "NetexportICU", "NetexportTestSupport"]),
    .testTarget(
      name: "NetexportImportTests",
      dependencies: [
        "NetexportImport", "NetexportExporters", "NetexportResolution", "NetexportValidation", "NetexportModel",
        "NetexportICU", "NetexportTestSupport",
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "NetexportInterchangeTests", dependencies: ["NetexportInterchange", "NetexportModel"]),
    .testTarget(
      name: "NetexportHostileTests",
      dependencies: ["netexport", "NetexportTestSupport", "NetexportModel", .product(name: "Yams", package: "Yams")]),
    .testTarget(
      name: "NetexportFuzzTests",
      dependencies: [
        "netexport-fuzz", "NetexportFuzzHarness", "NetexportExporters", "NetexportValidation", "NetexportResolution",
        "NetexportWorkspace", "NetexportImport", "NetexportModel", "NetexportICU", "NetexportTestSupport",
      ]
    ),
    .testTarget(
      name: "NetexportWorkspaceTests",
      dependencies: [
        "NetexportWorkspace", "NetexportExporters", "NetexportValidation", "NetexportReadability", "NetexportModel",
        "NetexportICU", "NetexportTestSupport", "NetexportFuzzHarness",
      ],
      resources: [.copy("Fixtures")]
    ),
  ],
  cxxLanguageStandard: .cxx17
)
