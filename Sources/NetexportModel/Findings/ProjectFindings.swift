/// The project and its documents: what stops a command before anything is checked or
/// written (reported by the workspace and the command line, and by the document reader).
public enum ProjectFindings: FindingRegistry {
  public static let family = FindingFamily("project", title: "The project and its documents")
  public static let codes: [FindingCode] = [
    .noProject, .invalidManifest, .noCatalogs, .unknownLocale, .sourceLocale, .noDocuments, .unknownDocument,
    .invalidContent, .missingResource, .projectExists, .catalogExists, .documentExists,
  ]
}

extension FindingCode {
  public static let noProject = FindingCode(
    "no-project", .error, "The folder has no netexport.yaml: it is not a project.", family: ProjectFindings.family)
  public static let invalidManifest = FindingCode(
    "invalid-manifest", .error, "netexport.yaml does not have the shape of a manifest, or cannot be edited.",
    family: ProjectFindings.family)
  public static let noCatalogs = FindingCode(
    "no-catalogs", .error, "The Locales/ folder cannot be read.", family: ProjectFindings.family)
  public static let unknownLocale = FindingCode(
    "unknown-locale", .error, "A locale named on the command line is not a locale of the project.",
    family: ProjectFindings.family)
  public static let sourceLocale = FindingCode(
    "source-locale", .error, "A command for target locales was asked to work on the source locale.",
    family: ProjectFindings.family)
  public static let noDocuments = FindingCode(
    "no-documents", .error, "The project has no documents yet.", family: ProjectFindings.family)
  public static let unknownDocument = FindingCode(
    "unknown-document", .error, "A document named on the command line is not in Documents/.",
    family: ProjectFindings.family)
  public static let invalidContent = FindingCode(
    "invalid-content", .error, "A document (content model) does not have the shape netexport reads.",
    family: ProjectFindings.family)
  public static let missingResource = FindingCode(
    "missing-resource", .error, "A file netexport ships with (the default labels) is missing from the installation.",
    family: ProjectFindings.family)
  public static let projectExists = FindingCode(
    "project-exists", .error, "A project is there already: 'new' and 'migrate' do not write over it.",
    family: ProjectFindings.family)
  public static let catalogExists = FindingCode(
    "catalog-exists", .error, "A catalog is there already: netexport never writes over a translation.",
    family: ProjectFindings.family)
  public static let documentExists = FindingCode(
    "document-exists", .error, "A document not made by 'import' is there already: importing would write over it.",
    family: ProjectFindings.family)
}
