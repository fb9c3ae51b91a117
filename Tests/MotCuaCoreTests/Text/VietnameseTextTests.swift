import Foundation
import PropertyBased
import Testing
@testable import MotCuaCore

@Suite struct VietnameseTextTests {
    /// The 12 Vietnamese vowel letters (base and with hat, breve, horn) in lowercase, and their
    /// ASCII base.
    static let vowels: [(String, String)] = [
        ("a", "a"), ("ă", "a"), ("â", "a"), ("e", "e"), ("ê", "e"), ("i", "i"),
        ("o", "o"), ("ô", "o"), ("ơ", "o"), ("u", "u"), ("ư", "u"), ("y", "y"),
    ]
    /// No tone, huyền, sắc, hỏi, ngã, nặng as combining marks.
    static let tones: [String] = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    @Test func foldsEveryVowelWithEveryTone() {
        var count = 0
        for (vowel, base) in Self.vowels {
            for tone in Self.tones {
                let lower = (vowel + tone).precomposedStringWithCanonicalMapping
                let upper = lower.uppercased()
                #expect(lower.unicodeScalars.count == 1, "\(lower) should be one precomposed code point")
                #expect(VietnameseText.fold(lower) == base)
                #expect(VietnameseText.fold(upper) == base)
                #expect(VietnameseText.fold(lower.decomposedStringWithCanonicalMapping) == base)
                #expect(VietnameseText.asciiFallback(lower) == base)
                #expect(VietnameseText.asciiFallback(upper) == base.uppercased())
                count += 1
            }
        }
        #expect(count == 72)
    }

    @Test func foldsDStroke() {
        #expect(VietnameseText.fold("Đặng Đình Đức") == "dang dinh duc")
        #expect(VietnameseText.asciiFallback("Đặng đình") == "Dang dinh")
    }

    @Test func foldCollapsesSpacesAndIsIdempotent() {
        let f = VietnameseText.fold("  Nguyễn\t Hồng   Sự ")
        #expect(f == "nguyen hong su")
        #expect(VietnameseText.fold(f) == f)
    }

    @Test func asciiFallbackKeepsCase() {
        #expect(VietnameseText.asciiFallback("Nguyễn Văn Ấn") == "Nguyen Van An")
        #expect(VietnameseText.asciiFallback("ỦY BAN NHÂN DÂN") == "UY BAN NHAN DAN")
    }

    @Test func normalizeGivesNFCTrimmedCollapsed() {
        let nfd = "  Trần\u{00A0}\u{00A0}Thị   Hương\n".decomposedStringWithCanonicalMapping
        let n = VietnameseText.normalize(nfd)
        #expect(n == "Trần Thị Hương")
        #expect(Array(n.unicodeScalars) == Array("Trần Thị Hương".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(VietnameseText.normalize("   ") == "")
    }

    @Test func nfdAndNfcFoldTheSame() {
        let names = ["Nguyễn Hồng Sự", "Phạm Thị Ngọc Ánh", "Lữ Văn Đoàn", "Huỳnh Ửng", "Ngô Bảo Châu"]
        for name in names {
            #expect(VietnameseText.fold(name.decomposedStringWithCanonicalMapping) == VietnameseText.fold(name))
            #expect(VietnameseText.normalize(name.decomposedStringWithCanonicalMapping) == name)
        }
    }

    /// Any name built from Vietnamese syllables folds to lowercase ASCII letters and spaces.
    @Test func foldOfGeneratedNamesIsASCII() async {
        let onsets = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x", "Đ", "Nh", "Ng"]
        let vowels = Self.vowels.map(\.0) + Self.vowels.map { $0.0.uppercased() }
        let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]
        let syllable = zip(Gen.element(of: onsets), Gen.element(of: vowels), Gen.element(of: Self.tones), Gen.element(of: codas))
            .map { o, v, t, c in (o ?? "") + (v ?? "a") + (t ?? "") + (c ?? "") }
        let name = syllable.array(of: 1...5).map { $0.joined(separator: " ") }
        let nfc = Gen.bool
        await propertyCheck(input: name, nfc) { raw, composed in
            let text = composed ? raw.precomposedStringWithCanonicalMapping : raw.decomposedStringWithCanonicalMapping
            let folded = VietnameseText.fold(text)
            #expect(folded.unicodeScalars.allSatisfy { $0.isASCII && ($0 == " " || ("a"..."z").contains($0)) })
            #expect(folded == VietnameseText.fold(raw.precomposedStringWithCanonicalMapping))
            #expect(VietnameseText.asciiFallback(text).unicodeScalars.allSatisfy { $0.isASCII })
            #expect(VietnameseText.matchesWordPrefix(query: text, in: folded))
        }
    }

    // MARK: validateName

    @Test func validNameIsNormalised() throws {
        #expect(try VietnameseText.validateName("  nguyễn   văn  a ") == "nguyễn văn a")
        let long = String(repeating: "a", count: 100)
        #expect(try VietnameseText.validateName(long) == long)
    }

    @Test func emptyAndBlankRefused() {
        #expect(throws: FieldError.self) { try VietnameseText.validateName("") }
        do {
            _ = try VietnameseText.validateName("   ")
            Issue.record("blank accepted")
        } catch {
            #expect(error.field == "name")
            #expect(error.message(.vi).contains("dấu cách"))
            #expect(error.message(.en).contains("only spaces"))
        }
    }

    @Test(arguments: [
        "Nguyễn\u{0000}An", "An\u{0007}", "An\tBình", "An\nBình", "\u{001B}[31mAn", "An\u{007F}", "An\u{0085}",
        "An\u{009B}", "Zero\u{200B}Width", "Z\u{200D}J", "Bi\u{202E}di", "Bi\u{2066}di\u{2069}", "Mark\u{200E}",
        "BOM\u{FEFF}", "Soft\u{00AD}hyphen", "Line\u{2028}sep", "Private\u{E000}",
    ])
    func controlCharactersRefused(_ raw: String) {
        do {
            _ = try VietnameseText.validateName(raw, field: "name")
            Issue.record("accepted \(raw.debugDescription)")
        } catch {
            #expect(error.field == "name")
            #expect(error.problem.vi.contains("ký tự"))
            #expect(error.problem.en.contains("character"))
        }
    }

    @Test func tooLongRefusedWithField() {
        do {
            _ = try VietnameseText.validateName(String(repeating: "ư", count: 101), field: "address")
            Issue.record("accepted")
        } catch {
            #expect(error.field == "address")
            #expect(error.label.vi == "Địa chỉ")
            #expect(error.problem.en.contains("100"))
        }
    }

    @Test func combiningMarksAreNotControls() throws {
        #expect(try VietnameseText.validateName("Nguye\u{0302}\u{0303}n") == "Nguyễn")
    }

    // MARK: matching

    @Test func wordPrefixAnyOrder() {
        let key = VietnameseText.fold("Nguyễn Hồng Sự")
        #expect(VietnameseText.matchesWordPrefix(query: "ng hong su", in: key))
        #expect(VietnameseText.matchesWordPrefix(query: "Sự Nguyễn", in: key))
        #expect(VietnameseText.matchesWordPrefix(query: "HỒNG", in: key))
        #expect(VietnameseText.matchesWordPrefix(query: "", in: key))
        #expect(!VietnameseText.matchesWordPrefix(query: "ong", in: key))
        #expect(!VietnameseText.matchesWordPrefix(query: "hong hong", in: key))
        #expect(!VietnameseText.matchesWordPrefix(query: "nguyen hong su van", in: key))
    }

    @Test func wordPrefixNeedsAMatchingNotGreedy() {
        // "n" could take "nguyen" and leave "ng" nothing; a matching must find the other way.
        let key = VietnameseText.fold("Nam Nguyễn")
        #expect(VietnameseText.matchesWordPrefix(query: "n ng", in: key))
        #expect(!VietnameseText.matchesWordPrefix(query: "ng ng", in: key))
    }

    @Test func punctuationSeparatesWords() {
        let key = VietnameseText.fold("Đăng ký nhận cha, mẹ, con")
        #expect(VietnameseText.matchesWordPrefix(query: "me con", in: key))
        #expect(VietnameseText.initials(key) == "dkncmc")
    }

    @Test func initials() {
        let key = VietnameseText.fold("Đăng ký khai sinh")
        #expect(VietnameseText.matchesInitials(query: "ks", in: key))
        #expect(VietnameseText.matchesInitials(query: "DKKS", in: key))
        #expect(VietnameseText.matchesInitials(query: "dk", in: key))
        #expect(!VietnameseText.matchesInitials(query: "dks", in: key))   // not consecutive
        #expect(!VietnameseText.matchesInitials(query: "k", in: key))     // one letter is a prefix search
        #expect(!VietnameseText.matchesInitials(query: "k s", in: key))   // two words
        #expect(!VietnameseText.matchesInitials(query: "dkkss", in: key))
        #expect(VietnameseText.matches(query: "ks", in: key))
        #expect(VietnameseText.matches(query: "khai", in: key))
    }
}
