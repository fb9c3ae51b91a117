import Foundation

/// Vietnamese text rules (shared/design.md, "Vietnamese text"): what is stored, how it is
/// searched, and how it is shown where a terminal cannot draw diacritics.
///
/// A namespace rather than free functions: `normalize` and `fold` are too generic a name to put
/// in every importer's scope.
public enum VietnameseText {
    /// Longest name accepted by `validateName` unless the caller says otherwise; long enough for
    /// any person's name, short enough to fit on a receipt line.
    public static let defaultMaxLength = 100

    // MARK: Storage form

    /// NFC, trimmed, every run of whitespace (tabs, no-break spaces, newlines…) made one space.
    /// Stored text is always in this form, so equal names compare equal byte for byte.
    public static func normalize(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// A character that must never reach storage: it is invisible, reorders text, or moves the
    /// terminal cursor, so a name containing it would print differently from what was checked.
    /// C0/C1/DEL (Cc), format characters such as zero-width space, ZWJ, soft hyphen, bidi
    /// embeddings and isolates (Cf), line/paragraph separators, private-use and unassigned code
    /// points.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }

    /// Checks and normalises a person's (or organisation's) name. Returns the storage form.
    /// - Throws: `FieldError` naming `field`, in Vietnamese and English.
    public static func validateName(
        _ raw: String, field: String = "name", label: Localized? = nil, maxLength: Int = defaultMaxLength
    ) throws(FieldError) -> String {
        let label = label ?? defaultLabel(for: field)
        func fail(_ vi: String, _ en: String) -> FieldError {
            FieldError(field: field, label: label, problem: Localized(vi: vi, en: en))
        }
        // Checked on the raw input: a tab or newline would otherwise be hidden by normalising.
        if let bad = raw.unicodeScalars.first(where: isForbidden) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw fail("có ký tự điều khiển hoặc ký tự ẩn (\(code)), hãy gõ lại",
                       "contains a control or invisible character (\(code)); please retype it")
        }
        let text = normalize(raw)
        if text.isEmpty {
            throw raw.isEmpty
                ? fail("bắt buộc nhập", "is required")
                : fail("không được chỉ có dấu cách", "must not be only spaces")
        }
        if text.count > maxLength {
            throw fail("dài quá \(maxLength) ký tự (đang có \(text.count))",
                       "is longer than \(maxLength) characters (has \(text.count))")
        }
        return text
    }

    static func defaultLabel(for field: String) -> Localized {
        switch field {
        case "name": return Localized(vi: "Họ và tên", en: "Full name")
        case "address": return Localized(vi: "Địa chỉ", en: "Address")
        case "delivery_address": return Localized(vi: "Địa chỉ nhận kết quả", en: "Delivery address")
        case "field": return Localized(vi: "Lĩnh vực", en: "Field")
        default: return Localized(vi: field, en: field)
        }
    }

    // MARK: Search keys

    /// The search key: tones and marks removed, `đ`/`Đ` → `d`, lowercase, whitespace collapsed.
    /// For Vietnamese input (NFC or NFD) the result is plain ASCII. Idempotent.
    public static func fold(_ text: String) -> String {
        normalize(stripMarks(text.decomposedStringWithCanonicalMapping, keepCase: false))
    }

    /// Text without diacritics for a terminal that cannot show them (`--ascii`), keeping case:
    /// `Nguyễn Đức` → `Nguyen Duc`. Not a search key: it does not lowercase.
    public static func asciiFallback(_ text: String) -> String {
        stripMarks(text.decomposedStringWithCanonicalMapping, keepCase: true)
            .precomposedStringWithCanonicalMapping
    }

    /// Drops combining marks from decomposed text and maps the one Vietnamese letter that does
    /// not decompose (đ, a stroked d).
    private static func stripMarks(_ decomposed: String, keepCase: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            switch scalar {
            case "đ": out.append("d")
            case "Đ": out.append(keepCase ? "D" : "d")
            default:
                if keepCase {
                    out.append(scalar)
                } else {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return String(out)
    }

    /// Splits folded text into words: letters and digits; punctuation separates words, so
    /// `nhan cha, me, con` has the words `nhan cha me con`.
    public static func words(_ folded: String) -> [Substring] {
        folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    /// True when every word of `query` is a prefix of a different word of `folded` (any order):
    /// `ng hong su` matches `nguyen hong su`. `folded` must already be a `fold` result (it is the
    /// stored key); the query is folded here. An empty query matches everything.
    public static func matchesWordPrefix(query: String, in folded: String) -> Bool {
        matchesWordPrefix(words: words(fold(query)), in: folded)
    }

    /// `matchesWordPrefix(query:in:)` with the query already folded and split (a list filtered
    /// per key folds the query once, not once per row).
    public static func matchesWordPrefix(words q: [Substring], in folded: String) -> Bool {
        matchesWordPrefix(words: q, inWords: words(folded))
    }

    /// The same with the text split too (a list keeps its rows' words between keys).
    public static func matchesWordPrefix(words q: [Substring], inWords t: [Substring]) -> Bool {
        if q.isEmpty { return true }
        if q.count > t.count { return false }
        // The common case, one query word: any text word it prefixes (no matching to solve).
        if q.count == 1 { return t.contains { $0.hasPrefix(q[0]) } }
        // Each query word must use its own text word ("ng ng" should not match "Nguyễn Văn"),
        // which is a bipartite matching; names are a handful of words, so Kuhn's algorithm is
        // instant.
        var owner = [Int?](repeating: nil, count: t.count)
        func assign(_ qi: Int, _ seen: inout [Bool]) -> Bool {
            for ti in t.indices where !seen[ti] && t[ti].hasPrefix(q[qi]) {
                seen[ti] = true
                if let other = owner[ti] {
                    if assign(other, &seen) { owner[ti] = qi; return true }
                } else {
                    owner[ti] = qi; return true
                }
            }
            return false
        }
        for qi in q.indices {
            var seen = [Bool](repeating: false, count: t.count)
            if !assign(qi, &seen) { return false }
        }
        return true
    }

    /// First letters of the words of folded text: `dang ky khai sinh` → `dkks`.
    public static func initials(_ folded: String) -> String {
        String(words(folded).compactMap(\.first))
    }

    /// True when `query` is one word whose letters are the first letters of consecutive words of
    /// `folded`: `ks` and `dkks` match `dang ky khai sinh`. Clerks type initials for long
    /// procedure names. Needs at least two letters; one letter is a plain prefix search.
    public static func matchesInitials(query: String, in folded: String) -> Bool {
        let q = words(fold(query))
        guard q.count == 1, let word = q.first, word.count >= 2 else { return false }
        let initials = Array(initials(folded))
        let letters = Array(word)
        guard letters.count <= initials.count else { return false }
        for start in 0...(initials.count - letters.count)
        where initials[start..<(start + letters.count)].elementsEqual(letters) {
            return true
        }
        return false
    }

    /// Word prefix or initials: what the search box uses.
    public static func matches(query: String, in folded: String) -> Bool {
        matchesWordPrefix(query: query, in: folded) || matchesInitials(query: query, in: folded)
    }
}

fileprivate extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
