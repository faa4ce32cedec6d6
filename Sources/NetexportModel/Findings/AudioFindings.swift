/// Audio files: speech and encoding through external programs (espeak-ng, opusenc, ffmpeg).
public enum AudioFindings: FindingRegistry {
  public static let family = FindingFamily("audio", title: "Audio")
  public static let codes: [FindingCode] = [
    .missingTool, .noUsableVoice, .invalidAudioInput, .speechFailed, .encodeFailed,
  ]
}

extension FindingCode {
  public static let missingTool = FindingCode(
    "missing-tool", .error, "A program the audio needs is not installed.", family: AudioFindings.family)
  public static let noUsableVoice = FindingCode(
    "no-usable-voice", .error, "espeak-ng has no voice fit to speak the locale.", family: AudioFindings.family)
  public static let invalidAudioInput = FindingCode(
    "invalid-audio-input", .error, "The speech script cannot be turned into audio (no chapters, too many).",
    family: AudioFindings.family)
  public static let speechFailed = FindingCode(
    "speech-failed", .error, "espeak-ng could not speak a chapter.", family: AudioFindings.family)
  public static let encodeFailed = FindingCode(
    "encode-failed", .error, "The audio could not be encoded.", family: AudioFindings.family)
}
