// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "netexport",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "netexport", targets: ["netexport"]),
    .library(name: "NetexportModel", targets: ["NetexportModel"]),
    .library(name: "NetexportICU", targets: ["NetexportICU"]),
    .library(name: "NetexportValidation", targets: ["NetexportValidation"]),
    .library(name: "NetexportExporters", targets: ["NetexportExporters"]),
    .library(name: "NetexportReadability", targets: ["NetexportReadability"]),
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
      dependencies: ["NetexportICU", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Resources/neuroendocrine-tumors.yaml")]
    ),
    .target(name: "NetexportValidation", dependencies: ["NetexportModel", "NetexportICU"]),
    .target(
      name: "NetexportExporters", dependencies: ["NetexportValidation", "NetexportModel", "NetexportICU"],
      resources: [.copy("Resources/render_pdf.py")]
    ),
    .target(
      name: "NetexportReadability",
      dependencies: ["NetexportValidation", "NetexportModel", "NetexportICU", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "netexport",
      dependencies: [
        "NetexportExporters", "NetexportReadability", "NetexportValidation", "NetexportModel", "NetexportICU",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "NetexportICUTests", dependencies: ["NetexportICU"]),
    .testTarget(
      name: "NetexportModelTests", dependencies: ["NetexportModel"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "NetexportValidationTests", dependencies: ["NetexportValidation", "NetexportModel", "NetexportICU"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "NetexportExportersTests",
      dependencies: ["NetexportExporters", "NetexportValidation", "NetexportModel"],
      resources: [.copy("Snapshots")]
    ),
    .testTarget(
      name: "NetexportReadabilityTests",
      dependencies: ["NetexportReadability", "NetexportValidation", "NetexportModel", "NetexportICU"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "NetexportCLITests", dependencies: ["netexport"]),
  ],
  cxxLanguageStandard: .cxx17
)
