import CNetexportFuzzer
import Foundation
import NetexportFuzzHarness

/// `netexport-fuzz`: the fuzz targets of `NetexportFuzzHarness` as one program.
///
///     netexport-fuzz seeds ROOT FOLDER        write every target's seeds from the project at ROOT
///     netexport-fuzz TARGET [ARGUMENT ...]    fuzz TARGET (libFuzzer build) or replay files (normal build)
///
/// Built for fuzzing (`scripts/fuzz` passes `-DNETEXPORT_LIBFUZZER`, ASan and coverage), the
/// program hands its arguments after TARGET to libFuzzer's driver, which runs the target on
/// generated inputs. In a normal build it runs the target once on each file named, as the
/// regression tests do, so a crash can be looked at without sanitizers. The arguments are
/// read by hand: swift-argument-parser would have to be built with the fuzzing
/// instrumentation too, and libFuzzer reads its own options.
@main
struct NetexportFuzz {
  static func main() {
    var arguments = CommandLine.arguments
    if arguments.count == 4, arguments[1] == "seeds" {
      do {
        let counts = try Seeds.write(
          root: URL(fileURLWithPath: arguments[2]), to: URL(fileURLWithPath: arguments[3]))
        for target in FuzzTarget.allCases { print("\(target.rawValue): \(counts[target] ?? 0) seeds") }
        exit(0)
      } catch {
        fail("cannot write the seeds: \(error)")
      }
    }
    // The target comes first; under libFuzzer it is also kept in the environment, for the
    // processes libFuzzer starts itself (-fork, -jobs, -merge) with the arguments it was given.
    var name = ProcessInfo.processInfo.environment["NETEXPORT_FUZZ_TARGET"]
    if arguments.count > 1, FuzzTarget(rawValue: arguments[1]) != nil {
      let first = arguments.remove(at: 1)
      setenv("NETEXPORT_FUZZ_TARGET", first, 1)
      name = first
    }
    guard let name, let target = FuzzTarget(rawValue: name) else {
      let targets = FuzzTarget.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n")
      fail(
        "usage: netexport-fuzz TARGET [ARGUMENT ...] | netexport-fuzz seeds ROOT FOLDER\ntargets:\n\(targets)",
        status: 64)
    }
    exit(run(target, arguments: arguments))
  }

  static func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("netexport-fuzz: \(message)\n".utf8))
    exit(status)
  }
}

#if NETEXPORT_LIBFUZZER
  /// The target libFuzzer runs; set once, before the driver starts.
  nonisolated(unsafe) var fuzzTarget = FuzzTarget.catalog

  extension NetexportFuzz {
    static func run(_ target: FuzzTarget, arguments: [String]) -> Int32 {
      fuzzTarget = target
      // libFuzzer keeps pointers into argv for its whole run: the strings are never freed.
      var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
      var argc = CInt(arguments.count)
      return argv.withUnsafeMutableBufferPointer { buffer in
        var pointer = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &pointer) { data, size in
          let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
          do {
            try fuzzTarget.run(input)
          } catch {
            // A crash is what libFuzzer looks for: it keeps the input and reports it.
            fatalError("\(fuzzTarget.rawValue): \(error)")
          }
          return 0
        }
      }
    }
  }
#else
  extension NetexportFuzz {
    /// Runs the target once on each file; fails on the first broken promise.
    static func run(_ target: FuzzTarget, arguments: [String]) -> Int32 {
      let files = arguments.dropFirst()
      guard !files.isEmpty else { fail("name the files to run \(target.rawValue) on", status: 64) }
      for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        do {
          try target.run(Array(data))
          print("\(file): ok")
        } catch {
          fail("\(file): \(error)")
        }
      }
      return 0
    }
  }
#endif
