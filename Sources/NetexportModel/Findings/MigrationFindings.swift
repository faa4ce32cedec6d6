/// `netexport migrate`: moving a project of one catalog per locale to the library layout.
public enum MigrationFindings: FindingRegistry {
  public static let family = FindingFamily("migration", title: "Migrating a project")
  public static let codes: [FindingCode] = [
    .noLegacyCatalogs, .migrationConflict, .migrationUnsupported, .migrationMismatch, .legacyCatalogKept,
  ]
}

extension FindingCode {
  public static let noLegacyCatalogs = FindingCode(
    "no-legacy-catalogs", .error, "Locales/ holds no catalog of the old layout for the source locale.",
    family: MigrationFindings.family)
  public static let migrationConflict = FindingCode(
    "migration-conflict", .error, "A file the migration would write exists already.",
    family: MigrationFindings.family)
  public static let migrationUnsupported = FindingCode(
    "migration-unsupported", .error, "A catalog has problems, or a layout the line-by-line move cannot follow.",
    family: MigrationFindings.family)
  public static let migrationMismatch = FindingCode(
    "migration-mismatch", .error, "A new file would not hold exactly what the old catalog held (a fault of netexport).",
    family: MigrationFindings.family)
  public static let legacyCatalogKept = FindingCode(
    "legacy-catalog-kept", .warning, "The migration is done, but an old catalog could not be removed.",
    family: MigrationFindings.family)
}
