/// A coding key for any field name, to see the fields a mapping really has.
struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension Decoder {
  /// A keyed container that rejects fields the type does not know, so a misspelt field in
  /// a content file is reported instead of silently dropped.
  func strictContainer<Key: CodingKey & CaseIterable & RawRepresentable>(
    _ type: Key.Type, in what: String
  ) throws -> KeyedDecodingContainer<Key> where Key.RawValue == String {
    let known = Key.allCases.map(\.rawValue)
    let all = try container(keyedBy: AnyCodingKey.self)
    for key in all.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: codingPath + [key],
          debugDescription:
            "unknown field '\(key.stringValue)' in \(what) (known fields: \(known.joined(separator: ", ")))"))
    }
    return try container(keyedBy: Key.self)
  }
}
