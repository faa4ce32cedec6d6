/// Writing files: an export, a report or an edited catalog that cannot be written, and a
/// catalog edit (`update`, `init`, `pseudo`) that would not be safe.
public enum FileFindings: FindingRegistry {
  public static let family = FindingFamily("files", title: "Writing files and editing catalogs")
  public static let codes: [FindingCode] = [.unwritableOutput, .changedOnDisk, .updateFailed, .updateUnsupported]
}

extension FindingCode {
  public static let unwritableOutput = FindingCode(
    "unwritable-output", .error, "A file (or standard output) cannot be written.", family: FileFindings.family)
  public static let changedOnDisk = FindingCode(
    "changed-on-disk", .error, "A file changed on disk while netexport was working on it; nothing was written.",
    family: FileFindings.family)
  public static let updateFailed = FindingCode(
    "update-failed", .error,
    "An edited catalog would not read back as intended, so the file was left as it was (a fault of netexport).",
    family: FileFindings.family)
  public static let updateUnsupported = FindingCode(
    "update-unsupported", .error, "A catalog is laid out in a way the editor cannot follow (flow style).",
    family: FileFindings.family)
}
