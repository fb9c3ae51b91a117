/// One letter of a Vietnamese word taken apart: an ASCII base, at most one vowel mark (or the
/// stroke of `đ`), at most one tone, and its case. The input methods edit letters in this form
/// and compose them back to NFC, so it does not matter whether the text before the cursor came
/// precomposed (a system IME, a paste) or decomposed.
struct VietnameseLetter: Equatable, Sendable {
    enum Mark: Sendable {
        case none, circumflex, breve, horn, stroke

        var combining: Unicode.Scalar? {
            switch self {
            case .none, .stroke: return nil
            case .circumflex: return "\u{0302}"
            case .breve: return "\u{0306}"
            case .horn: return "\u{031B}"
            }
        }

        init?(combining scalar: Unicode.Scalar) {
            switch scalar {
            case "\u{0302}": self = .circumflex
            case "\u{0306}": self = .breve
            case "\u{031B}": self = .horn
            default: return nil
            }
        }

        /// Which bases take the mark: â ê ô, ă, ơ ư, đ.
        func fits(_ base: Character) -> Bool {
            switch self {
            case .none: return true
            case .circumflex: return base == "a" || base == "e" || base == "o"
            case .breve: return base == "a"
            case .horn: return base == "o" || base == "u"
            case .stroke: return base == "d"
            }
        }
    }

    /// The six tones; `level` (thanh ngang) is no mark.
    enum Tone: Sendable, CaseIterable {
        case level, acute, grave, hook, tilde, dot  // ngang, sắc, huyền, hỏi, ngã, nặng

        var combining: Unicode.Scalar? {
            switch self {
            case .level: return nil
            case .acute: return "\u{0301}"
            case .grave: return "\u{0300}"
            case .hook: return "\u{0309}"
            case .tilde: return "\u{0303}"
            case .dot: return "\u{0323}"
            }
        }

        init?(combining scalar: Unicode.Scalar) {
            guard let tone = Tone.allCases.first(where: { $0.combining == scalar }) else { return nil }
            self = tone
        }
    }

    /// Lowercase ASCII letter `a`…`z`.
    var base: Character
    var mark: Mark = .none
    var tone: Tone = .level
    var isUpper: Bool

    var isVowel: Bool { Self.vowels.contains(base) }
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    init(base: Character, mark: Mark = .none, tone: Tone = .level, isUpper: Bool) {
        self.base = base
        self.mark = mark
        self.tone = tone
        self.isUpper = isUpper
    }

    /// Takes a character apart; nil when it is not a Latin letter Vietnamese writes (`ñ`, `ç`,
    /// a digit, a tone on a consonant, two tones…). Such a character ends the word being edited.
    init?(_ character: Character) {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let first = scalars.first else { return nil }
        switch first {
        case "đ": base = "d"; mark = .stroke; isUpper = false
        case "Đ": base = "d"; mark = .stroke; isUpper = true
        case "a"..."z": base = Character(first); isUpper = false
        case "A"..."Z": base = Character(first).lowercased().first ?? "a"; isUpper = true
        default: return nil
        }
        for scalar in scalars.dropFirst() {
            if let t = Tone(combining: scalar), tone == .level, isVowel {
                tone = t
            } else if let m = Mark(combining: scalar), mark == .none, m.fits(base) {
                mark = m
            } else {
                return nil
            }
        }
    }

    /// Spelling without tone and case, for matching consonant clusters (`đ` stays `đ`).
    var plain: String { mark == .stroke ? "đ" : String(base) }

    /// The composed (NFC) character.
    var character: Character {
        var scalars = String.UnicodeScalarView()
        if mark == .stroke {
            scalars.append(isUpper ? "Đ" : "đ")
        } else {
            scalars.append(contentsOf: (isUpper ? base.uppercased() : String(base)).unicodeScalars)
        }
        if let m = mark.combining { scalars.append(m) }
        if let t = tone.combining { scalars.append(t) }
        return String(scalars).precomposedStringWithCanonicalMapping.first ?? base
    }
}

extension Array where Element == VietnameseLetter {
    var text: String { String(map(\.character)) }
}
