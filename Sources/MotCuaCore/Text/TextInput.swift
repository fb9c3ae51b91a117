/// Rules for free text typed by a clerk that is not a name: notes, reasons, addresses, lists of
/// missing documents. One place, so the desk and the command line refuse the same input.
public enum TextInput {
    /// U+FFFD is what a decoder leaves where input was not valid UTF-8: refusing it keeps a
    /// garbled paste or a mis-encoded command-line argument out of the register.
    static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    /// Optional text: blank → nil; control characters, invisible characters and U+FFFD refused;
    /// otherwise NFC with whitespace collapsed.
    public static func optional(_ raw: String?, field: String, label: Localized, maxLength: Int = 500) throws -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try required(raw, field: field, label: label, maxLength: maxLength)
    }

    /// Required text, same rules as `optional`.
    public static func required(_ raw: String?, field: String, label: Localized, maxLength: Int = 500) throws -> String {
        try refuseUndecodable(raw ?? "", field: field, label: label)
        return try VietnameseText.validateName(raw ?? "", field: field, label: label, maxLength: maxLength)
    }

    static func refuseUndecodable(_ raw: String, field: String, label: Localized) throws {
        if raw.unicodeScalars.contains(replacementCharacter) {
            throw FieldError(field: field, label: label,
                             problem: Localized(vi: "có ký tự không đọc được (không phải UTF-8), hãy gõ lại",
                                                en: "contains characters that are not valid UTF-8; please retype it"))
        }
    }

    /// A name as the clerk would write it on paper: each word starts with a capital letter
    /// (`nguyễn văn an` → `Nguyễn Văn An`); letters after the first are kept as typed, so
    /// `McDonald` or `Công ty 3A` stay as they are.
    public static func capitalizingWords(_ text: String) -> String {
        var out = ""
        var atWordStart = true
        for ch in text {
            if ch == " " { atWordStart = true; out.append(ch); continue }
            if atWordStart, ch.isLowercase { out += ch.uppercased() } else { out.append(ch) }
            atWordStart = false
        }
        return out
    }

    /// Nil for nil, empty or blank text.
    public static func nonBlank(_ s: String?) -> String? { blankToNil(s) }

    static func blankToNil(_ s: String?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return s
    }
}
