/// Telex keys: `s f r x j` sắc huyền hỏi ngã nặng, `z` no tone, `aa ee oo` â ê ô, `aw ow uw`
/// ă ơ ư, `uow` ươ, `w` alone ư, `dd` đ (only where no vowel comes before, so `HDDND` is
/// `HĐND` but `add` and `ladder` stay English). Tone keys may come after the whole word
/// (`Nguyeenx` → `Nguyễn`). Keys are case-insensitive; letters keep their own case.
extension VietnameseComposer {
    func telexEdit(_ key: Character, _ word: [VietnameseLetter]) -> Edit? {
        switch key.lowercased() {
        case "s": return toneEdit(.acute, word)
        case "f": return toneEdit(.grave, word)
        case "r": return toneEdit(.hook, word)
        case "x": return toneEdit(.tilde, word)
        case "j": return toneEdit(.dot, word)
        case "z": return removeToneEdit(word)
        case "a": return circumflexEdit(bases: ["a"], word)
        case "e": return circumflexEdit(bases: ["e"], word)
        case "o": return circumflexEdit(bases: ["o"], word)
        case "w": return hornEdit(word, breveToo: true) ?? standaloneHorn(key, word)
        case "d": return strokeEdit(word, anywhere: false)
        default: return nil
        }
    }

    /// `w` with no vowel to mark: `ư` at the start of a word or after an initial consonant
    /// (`w` → `ư`, `tw` → `tư`, `ngw` → `ngư`, `giw` → `giư`).
    private func standaloneHorn(_ key: Character, _ word: [VietnameseLetter]) -> Edit? {
        let spelled = VietnameseSyllable.spell(word[...])
        let consonantsOnly = !word.contains(where: \.isVowel)
        guard (consonantsOnly && VietnameseSyllable.initials.contains(spelled)) || spelled == "gi"
        else { return nil }
        let u = VietnameseLetter(base: "u", mark: .horn, isUpper: key.isUppercase)
        return Edit(word: word + [u], appendKey: false)
    }
}
