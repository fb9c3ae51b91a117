/// A word read as one Vietnamese syllable: initial consonant(s), a run of one to three vowels,
/// and a final consonant. Only words that read this way get tones and marks from the input
/// methods, which keeps obvious non-Vietnamese words (`st`, `test`, `hello`) as typed.
struct VietnameseSyllable: Equatable, Sendable {
    /// Indices of the vowel nucleus in the word (after `qu` / `gi`, which count as consonants).
    var vowels: Range<Int>
    var hasFinal: Bool

    static let initials: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]

    init?(_ word: [VietnameseLetter]) {
        guard let first = word.firstIndex(where: \.isVowel) else { return nil }
        var end = first
        while end < word.count, word[end].isVowel { end += 1 }
        guard !word[end...].contains(where: \.isVowel) else { return nil }
        var start = first
        // `gia`, `giữa`, `quá`, `quyền`: the i / u belongs to the consonant when another vowel
        // follows; alone it is the vowel (`gì`, `gìn`).
        if end - start >= 2, word[start].mark == .none {
            let initial = Self.spell(word[..<start])
            if (initial == "g" && word[start].base == "i") || (initial == "q" && word[start].base == "u") {
                start += 1
            }
        }
        guard end - start <= 3,
              Self.initials.contains(Self.spell(word[..<start])),
              Self.finals.contains(Self.spell(word[end...]))
        else { return nil }
        vowels = start..<end
        hasFinal = end < word.count
    }

    static func spell(_ letters: ArraySlice<VietnameseLetter>) -> String {
        letters.map(\.plain).joined()
    }

    /// Index in the word of the vowel that carries the tone.
    func toneIndex(in word: [VietnameseLetter], style: ToneStyle) -> Int {
        // A vowel with a mark takes it: tiếng, thuế, cửa, hưu; in ươ the ơ (người, được).
        if let marked = vowels.last(where: { word[$0].mark != .none }) { return marked }
        if vowels.count == 1 { return vowels.lowerBound }
        // With a final consonant, the last vowel: toán, hoàng, huỳnh, xoòng.
        if hasFinal { return vowels.upperBound - 1 }
        // Three open vowels, the middle one: hoài, khuỷu, ngoẹo.
        if vowels.count == 3 { return vowels.lowerBound + 1 }
        let pair = Self.spell(word[vowels])
        if pair == "oa" || pair == "oe" || pair == "uy" {
            return style == .new ? vowels.lowerBound : vowels.lowerBound + 1
        }
        // Other open pairs, the first: mùa, tái, cháo, kìa, gửi.
        return vowels.lowerBound
    }
}

extension Array where Element == VietnameseLetter {
    /// The tone the word carries (the first one, if a paste left several).
    var tone: VietnameseLetter.Tone {
        first(where: { $0.tone != .level })?.tone ?? .level
    }

    mutating func clearTones() {
        for i in indices { self[i].tone = .level }
    }

    /// Puts `tone` on the right vowel, removing any other. No-op if the word is not a syllable.
    mutating func placeTone(_ tone: VietnameseLetter.Tone, style: ToneStyle) {
        guard let syllable = VietnameseSyllable(self) else { return }
        clearTones()
        if tone != .level { self[syllable.toneIndex(in: self, style: style)].tone = tone }
    }

    /// Tidies a word after an edit: completes `ưo` / `uơ` to `ươ` when something follows
    /// (`dduwocj` → `được`, `uwoi` → `ươi`; neither half-form is Vietnamese), then moves the tone
    /// to where it belongs now (`hòa` + `n` → `hoàn`). Words that are not syllables are left alone.
    mutating func settle(style: ToneStyle) {
        guard let syllable = VietnameseSyllable(self) else { return }
        for i in syllable.vowels.dropLast() where self[i].base == "u" && self[i + 1].base == "o" {
            let followed = i + 2 < syllable.vowels.upperBound || syllable.hasFinal
            guard followed else { continue }
            if self[i].mark == .horn, self[i + 1].mark == .none { self[i + 1].mark = .horn }
            if self[i].mark == .none, self[i + 1].mark == .horn { self[i].mark = .horn }
        }
        let tone = self.tone
        if tone != .level { placeTone(tone, style: style) }
    }
}
