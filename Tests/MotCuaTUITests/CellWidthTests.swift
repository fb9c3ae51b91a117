import Testing
import MotCuaCore

@Suite("CellWidth")
struct CellWidthTests {
    @Test("Vietnamese letters are one cell, precomposed or decomposed")
    func vietnamese() {
        #expect(CellWidth.of(Character("\u{1EC5}")) == 1) // ễ precomposed
        #expect(CellWidth.of(Character("e\u{0302}\u{0303}")) == 1) // ễ decomposed
        #expect(CellWidth.of("Nguyễn Hồng Sự") == 14)
        #expect(CellWidth.of("ĐƯỜNG ĐIỆN BIÊN PHỦ") == 19)
        #expect(CellWidth.of("Nguye\u{0302}\u{0303}n") == 6)
    }

    @Test("wide and zero-width characters")
    func wideAndZero() {
        #expect(CellWidth.of(Character("中")) == 2)
        #expect(CellWidth.of(Character("한")) == 2)
        #expect(CellWidth.of(Character("Ａ")) == 2) // fullwidth A
        #expect(CellWidth.of(Character("😀")) == 2)
        #expect(CellWidth.of(Character("👨‍👩‍👧")) == 2) // ZWJ sequence, one grapheme
        #expect(CellWidth.of(Character("🇻🇳")) == 2)
        #expect(CellWidth.of(Character("☺")) == 1) // text presentation
        #expect(CellWidth.of(Character("☺\u{FE0F}")) == 2) // emoji presentation
        #expect(CellWidth.of(Character("\u{0301}")) == 0) // stray combining mark
        #expect(CellWidth.of(Character("\u{200B}")) == 0) // zero-width space
        #expect(CellWidth.of(Character("\n")) == 0)
        #expect(CellWidth.of(Character("a")) == 1)
        #expect(CellWidth.of(Character("…")) == 1)
        #expect(CellWidth.of(Character("×")) == 1)
        #expect(CellWidth.of("中文ab") == 6)
        #expect(CellWidth.of("") == 0)
    }

    @Test("truncate cuts at a grapheme boundary with an ellipsis")
    func truncate() {
        #expect(CellWidth.truncate("Nguyễn Văn An", toCells: 20) == "Nguyễn Văn An")
        #expect(CellWidth.truncate("Nguyễn Văn An", toCells: 13) == "Nguyễn Văn An")
        #expect(CellWidth.truncate("Nguyễn Văn An", toCells: 8) == "Nguyễn …")
        #expect(CellWidth.truncate("Nguyễn Văn An", toCells: 1) == "…")
        #expect(CellWidth.truncate("Nguyễn Văn An", toCells: 0) == "")
        #expect(CellWidth.truncate("Nguyễn Văn An", toCells: -3) == "")
        // Decomposed: marks stay with their base.
        let decomposed = "Nguye\u{0302}\u{0303}n Van"
        let cut = CellWidth.truncate(decomposed, toCells: 6)
        #expect(cut == "Nguye\u{0302}\u{0303}…")
        #expect(CellWidth.of(cut) == 6)
        // A wide character that would straddle the edge is left out: one cell short.
        #expect(CellWidth.truncate("中文中文", toCells: 4) == "中…")
        #expect(CellWidth.of(CellWidth.truncate("中文中文", toCells: 4)) == 3)
        #expect(CellWidth.truncate("中文中文", toCells: 5) == "中文…")
    }

    @Test("pad, fit and padLeft count cells")
    func pad() {
        #expect(CellWidth.pad("Hồ", toCells: 5) == "Hồ   ")
        #expect(CellWidth.pad("中", toCells: 4) == "中  ")
        #expect(CellWidth.pad("Nguyễn", toCells: 3) == "Nguyễn")
        #expect(CellWidth.fit("Nguyễn Văn An", toCells: 8) == "Nguyễn …")
        #expect(CellWidth.fit("An", toCells: 4) == "An  ")
        #expect(CellWidth.of(CellWidth.fit("中文中文", toCells: 4)) == 4)
        #expect(CellWidth.padLeft("45", toCells: 4) == "  45")
    }

    @Test("truncate never exceeds the width, for many strings and widths")
    func truncateProperty() {
        let samples = ["", "a", "Đặng Thị Ngọc Hưởng", "中文字符测试", "😀😀ab😀", "e\u{0301}e\u{0301}e\u{0301}",
                       "Hộ tịch — Đăng ký khai sinh", "\u{0301}abc", "Ａｂｃ"]
        for s in samples {
            for w in 0...30 {
                let t = CellWidth.truncate(s, toCells: w)
                #expect(CellWidth.of(t) <= w, "\(s) at \(w)")
                if CellWidth.of(s) <= w { #expect(t == s) }
                #expect(CellWidth.of(CellWidth.fit(s, toCells: w)) == w)
            }
        }
    }
}
