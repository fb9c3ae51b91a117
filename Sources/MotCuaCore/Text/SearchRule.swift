import Foundation

/// What a typed search finds, in one place: the desk's F3, F4's applicant picker, the
/// register's `/` and `motcua dossier list --search` all follow it (the store narrows with an
/// index first, then checks rows with these functions).
///
/// - A number as people write it (`0912 000 444`, `+84 912.000.444`, `261130-003`) is compacted
///   to its digits first: it is a CCCD or phone prefix, or the digits of a dossier code
///   (the day and the sequence, `MC-261130-003` → `261130003`).
/// - Otherwise every word of the folded text must prefix a different word of the record, in any
///   order: the folded name, and for a dossier the parts of its code (`ng van a`, `ich khiem`,
///   `261130 003`, `mc 003`).
public enum SearchRule {
    /// A number typed as people write it, in the form it is stored (`0912000444`); other text
    /// is returned as it is.
    public static func compactNumber(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let kept = trimmed.unicodeScalars.filter { !($0 == " " || $0 == "." || $0 == "-") }
        var digits = String(String.UnicodeScalarView(kept))
        if digits.hasPrefix("+84") { digits = "0" + digits.dropFirst(3) }
        guard digits.count >= 4, isDigits(digits),
              trimmed.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return text }
        return digits
    }

    public static func isDigits(_ s: some StringProtocol) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The query's words, folded; a query of digits (after `compactNumber`) is one word.
    public static func words(_ query: String) -> [String] {
        VietnameseText.words(VietnameseText.fold(compactNumber(query))).map(String.init)
    }

    /// The digits of a code's day and sequence: `MC-261130-003` → `261130003`.
    public static func codeDigits(_ code: String) -> String {
        String(code.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
    }

    /// True when a dossier with this code and folded applicant name is found by `query`.
    public static func matchesDossier(query: String, code: String, foldedName: String) -> Bool {
        Query(query).matchesDossier(code: code, foldedName: foldedName)
    }

    /// A query read once, to check many rows (the register filters its loaded list per key).
    public struct Query: Sendable {
        /// The number typed, when the query is one (`compactNumber`).
        public let number: String?
        public let words: [Substring]

        public init(_ text: String) {
            let q = SearchRule.compactNumber(text).trimmingCharacters(in: .whitespaces)
            number = SearchRule.isDigits(q) ? q : nil
            words = VietnameseText.words(VietnameseText.fold(q))
        }

        /// Nothing to look for (`%`, `-`): matches nothing.
        public var isEmpty: Bool { words.isEmpty }

        public func matchesDossier(code: String, foldedName: String) -> Bool {
            matches(SearchRule.Target(code: code, foldedName: foldedName))
        }

        /// A person's stored key (folded name, CCCD, phone): the words, or the number, prefix its words.
        public func matchesPerson(key: String) -> Bool {
            !words.isEmpty && VietnameseText.matchesWordPrefix(words: words, in: key)
        }

        public func matches(_ target: Target) -> Bool {
            if let number {
                return target.codeDigits.hasPrefix(number) || target.codeWords.contains { $0.hasPrefix(number) }
            }
            guard !words.isEmpty else { return false }
            return VietnameseText.matchesWordPrefix(words: words, inWords: target.keyWords)
        }
    }

    /// A dossier as a search sees it, worked out once (a list filtered per key keeps these).
    public struct Target: Sendable {
        /// The folded name and the code's parts: what query words must prefix.
        public let key: String
        public let keyWords: [Substring]
        public let codeWords: [Substring]
        public let codeDigits: String

        public init(code: String, foldedName: String) {
            // Codes are ASCII (`MC-261130-003`): lowercasing is their fold.
            let lower = code.lowercased()
            key = foldedName + " " + lower
            keyWords = VietnameseText.words(key)
            codeWords = VietnameseText.words(lower)
            codeDigits = SearchRule.codeDigits(code)
        }
    }

    /// True when a person with this stored key (folded name, CCCD, phone) is found by `query`.
    public static func matchesPerson(query: String, key: String) -> Bool {
        Query(query).matchesPerson(key: key)
    }
}
