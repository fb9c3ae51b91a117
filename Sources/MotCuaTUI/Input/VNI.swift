/// VNI keys: `1 2 3 4 5` sắc huyền hỏi ngã nặng, `0` no tone, `6` â ê ô, `7` ơ ư (`uo7` ươ),
/// `8` ă, `9` đ. A digit that cannot apply (no vowel, or right after a space or another digit,
/// where there is no word) is inserted as a digit.
extension VietnameseComposer {
    func vniEdit(_ key: Character, _ word: [VietnameseLetter]) -> Edit? {
        switch key {
        case "1": return toneEdit(.acute, word)
        case "2": return toneEdit(.grave, word)
        case "3": return toneEdit(.hook, word)
        case "4": return toneEdit(.tilde, word)
        case "5": return toneEdit(.dot, word)
        case "0": return removeToneEdit(word)
        case "6": return circumflexEdit(bases: ["a", "e", "o"], word)
        case "7": return hornEdit(word, breveToo: false)
        case "8": return breveEdit(word)
        case "9": return strokeEdit(word, anywhere: true)
        default: return nil
        }
    }
}
