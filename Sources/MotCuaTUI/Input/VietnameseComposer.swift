import Foundation

/// Built-in Telex / VNI composition, Unikey style. Stateless: each typed key is applied to the
/// text before the cursor, and only the last word (the trailing run of letters) can change, so
/// the text field may hand over any text (after a backspace, a paste, a system IME's output).
///
/// A key that cannot apply (a tone with no vowel: `s`, `st`; a word that is not a Vietnamese
/// syllable: `test` + `s`) is inserted as typed. Typing the same key twice undoes it and inserts
/// the key: `ass` → `as`, `aaa` → `aa`, `ddd` → `dd`, VNI `a11` → `a1`.
public struct VietnameseComposer: Sendable {
    public var kind: InputMethodKind
    public var toneStyle: ToneStyle

    public init(kind: InputMethodKind = .telex, toneStyle: ToneStyle = .new) {
        self.kind = kind
        self.toneStyle = toneStyle
    }

    /// One typed character applied to the text before the cursor; returns the new text before
    /// the cursor, NFC (with `.off`, exactly `text + ch`). Only the last word is ever changed.
    public func type(_ ch: Character, after text: String) -> String {
        if kind == .off { return text + String(ch) }
        // Only ASCII keys drive the input method; anything else (an already composed `ễ` from a
        // system IME or a paste, punctuation beyond ASCII) is inserted as is.
        guard ch.isASCII else { return (text + String(ch)).precomposedStringWithCanonicalMapping }
        let (prefix, word) = Self.splitLastWord(text)
        let edit: Edit? = switch kind {
        case .telex: telexEdit(ch, word)
        case .vni: vniEdit(ch, word)
        case .off: nil
        }
        var result = edit ?? Edit(word: word, appendKey: true)
        var suffix = ""
        var changed = edit != nil
        if result.appendKey {
            if let letter = VietnameseLetter(ch) {
                result.word.append(letter)
                changed = true
            } else {
                suffix = String(ch)
            }
        }
        // A word the key left alone (a space or a digit after it) is not re-spelled: a system
        // IME's `hoà` stays `hoà` whatever the style.
        if changed { result.word.settle(style: toneStyle) }
        return (prefix + result.word.text + suffix).precomposedStringWithCanonicalMapping
    }

    /// Convenience for tests: types each character of `keys` from empty text.
    public func compose(_ keys: String) -> String {
        keys.reduce(into: "") { text, ch in text = type(ch, after: text) }
    }

    // MARK: Shared edits

    /// What a key did to the last word; `appendKey` when the key itself is then inserted as a
    /// letter (an undo, or a key with nothing to apply to).
    struct Edit {
        var word: [VietnameseLetter]
        var appendKey: Bool
    }

    /// The text before the last word, and that word taken apart.
    static func splitLastWord(_ text: String) -> (Substring, [VietnameseLetter]) {
        var start = text.endIndex
        var letters: [VietnameseLetter] = []
        while start > text.startIndex {
            let before = text.index(before: start)
            guard let letter = VietnameseLetter(text[before]) else { break }
            letters.append(letter)
            start = before
        }
        return (text[..<start], letters.reversed())
    }

    /// Sets the tone; the same tone again removes it and inserts the key.
    func toneEdit(_ tone: VietnameseLetter.Tone, _ word: [VietnameseLetter]) -> Edit? {
        guard VietnameseSyllable(word) != nil else { return nil }
        var word = word
        if word.tone == tone {
            word.clearTones()
            return Edit(word: word, appendKey: true)
        }
        word.placeTone(tone, style: toneStyle)
        return Edit(word: word, appendKey: false)
    }

    /// Telex `z`, VNI `0`: removes the tone; with no tone the key is inserted.
    func removeToneEdit(_ word: [VietnameseLetter]) -> Edit? {
        guard word.tone != .level else { return nil }
        var word = word
        word.clearTones()
        return Edit(word: word, appendKey: false)
    }

    /// Puts `mark` on `word[index]`, or, if it is already there, removes it and inserts the key.
    func toggle(_ mark: VietnameseLetter.Mark, at index: Int, in word: [VietnameseLetter]) -> Edit {
        var word = word
        if word[index].mark == mark {
            word[index].mark = .none
            return Edit(word: word, appendKey: true)
        }
        word[index].mark = mark
        return Edit(word: word, appendKey: false)
    }

    /// Circumflex on the last vowel of the nucleus whose base is in `bases` (Telex `aa ee oo`,
    /// also apart: `tienge` → `tiêng`; VNI `6`).
    func circumflexEdit(bases: Set<Character>, _ word: [VietnameseLetter]) -> Edit? {
        guard let syllable = VietnameseSyllable(word),
              let target = syllable.vowels.last(where: { bases.contains(word[$0].base) })
        else { return nil }
        return toggle(.circumflex, at: target, in: word)
    }

    /// Breve on the `a` of the nucleus (VNI `8`).
    func breveEdit(_ word: [VietnameseLetter]) -> Edit? {
        guard let syllable = VietnameseSyllable(word),
              let target = syllable.vowels.last(where: { word[$0].base == "a" })
        else { return nil }
        return toggle(.breve, at: target, in: word)
    }

    /// Horn (Telex `w`, VNI `7`): `uo` → `ươ` as a pair, else the first `o`/`u` (`mưa`, `gửi`);
    /// for Telex also the breve on `a` (`aw` → `ă`, `oaw` → `oă`).
    func hornEdit(_ word: [VietnameseLetter], breveToo: Bool) -> Edit? {
        guard let syllable = VietnameseSyllable(word) else { return nil }
        let v = syllable.vowels
        for i in v.dropLast() where word[i].base == "u" && word[i + 1].base == "o" {
            var word = word
            let undo = word[i].mark == .horn && word[i + 1].mark == .horn
            word[i].mark = undo ? .none : .horn
            word[i + 1].mark = undo ? .none : .horn
            return Edit(word: word, appendKey: undo)
        }
        if breveToo, let a = v.dropFirst().first(where: { word[$0].base == "a" && word[$0 - 1].base == "o" }) {
            return toggle(.breve, at: a, in: word)
        }
        let takers: Set<Character> = breveToo ? ["a", "o", "u"] : ["o", "u"]
        guard let target = v.first(where: { takers.contains(word[$0].base) }) else { return nil }
        return toggle(word[target].base == "a" ? .breve : .horn, at: target, in: word)
    }

    /// `đ`; again, back to `d`. In a word with no vowel, the `d` just typed (`dd` → `đ`, and
    /// acronyms: `HDDND` → `HĐND`); with `anywhere`, also the first letter of a syllable (VNI
    /// `di9` → `đi`).
    func strokeEdit(_ word: [VietnameseLetter], anywhere: Bool) -> Edit? {
        if !word.contains(where: \.isVowel) {
            guard let last = word.indices.last, word[last].base == "d" else { return nil }
            return toggle(.stroke, at: last, in: word)
        }
        guard anywhere, word.first?.base == "d", VietnameseSyllable(word) != nil else { return nil }
        return toggle(.stroke, at: 0, in: word)
    }
}
