import Testing
import MotCuaCore
@testable import MotCuaTUI

extension Widgets {
    @Suite("TextField")
    struct TextFieldTests {
        @Test("a .text field types through the input method; aa → â")
        func composeText() {
            let telex = WidgetFakeComposer()
            var f = TextField(id: "name", label: "Họ và tên", compose: telex.closure)
            f.type("Traan")
            #expect(f.text == "Trân")
            #expect(f.cursor == 4)
            #expect(telex.calls == 5)
            #expect(telex.seen.last?.1 == "Trâ") // the n, after the rewrite
        }

        @Test("code, digits and phone fields keep the input method out of the way", arguments: [
            TextField.Kind.code, .digits, .phone,
        ])
        func noComposeOutsideText(kind: TextField.Kind) {
            let telex = WidgetFakeComposer()
            var f = TextField(id: "x", label: "X", kind: kind, compose: telex.closure)
            f.type(kind == .code ? "HT-KSaa" : "0912 345.678")
            #expect(telex.calls == 0)
            #expect(f.text == (kind == .code ? "HT-KSaa" : "0912 345.678"))
        }

        @Test("the input method rewrites only the text before the cursor")
        func composeBeforeCursor() {
            let telex = WidgetFakeComposer()
            var f = TextField(id: "name", label: "Tên", text: "Tan Lap", compose: telex.closure)
            f.press(.home, .right, .right)           // T a | n Lap
            f.type("a")
            #expect(telex.seen.last?.1 == "Ta")
            #expect(f.text == "Tân Lap")
            #expect(f.cursor == 2)
            f.press(.end, .left)
            f.type("a")
            #expect(f.text == "Tân Lâp")
            #expect(f.cursor == 6)
        }

        @Test("a pasted run of composed letters is kept as it is")
        func pasteComposed() {
            let telex = WidgetFakeComposer()
            var f = TextField(id: "name", label: "Tên", compose: telex.closure)
            for ch in "Nguyễn Hồng Sự" { f.handle(.character(ch)) }
            #expect(f.text == "Nguyễn Hồng Sự")
            #expect(f.cursor == 14)
        }

        @Test("Backspace removes one whole grapheme, decomposed ones included")
        func backspaceGrapheme() {
            var f = TextField(id: "name", label: "Tên", text: "Nguye\u{0302}\u{0303}n")
            #expect(f.text.count == 6)
            f.press(.left, .backspace)
            #expect(f.text == "Nguyn")
            #expect(f.cursor == 4)
            // A mark arriving on its own joins the letter before the cursor …
            var g = TextField(id: "name", label: "Tên")
            g.type("e"); g.type("\u{0302}"); g.type("\u{0303}")
            #expect(g.text == "e\u{0302}\u{0303}")
            #expect(g.text.count == 1)
            #expect(g.cursor == 1)
            g.handle(.backspace)
            #expect(g.text.isEmpty)
            // … and a mark with no letter to join is dropped.
            g.type("\u{0301}")
            g.type(" "); g.type("\u{0301}")
            #expect(g.text == " ")
            // Emoji and flags go whole too.
            var h = TextField(id: "n", label: "n", text: "ok👍🏽🇻🇳")
            h.handle(.backspace)
            #expect(h.text == "ok👍🏽")
            h.handle(.backspace)
            #expect(h.text == "ok")
        }

        @Test("Left/Right/Home/End, Delete and C-u")
        func editing() {
            var f = TextField(id: "x", label: "X", text: "Hồng")
            #expect(f.cursor == 4)
            f.press(.right)
            #expect(f.cursor == 4)
            f.press(.home, .left)
            #expect(f.cursor == 0)
            f.press(.delete)
            #expect(f.text == "ồng")
            #expect(f.cursor == 0)
            f.press(.right, .delete)
            #expect(f.text == "ồg")
            f.press(.end, .delete, .backspace)
            #expect(f.text == "ồ")
            #expect(f.handle(.ctrl("u")) == .changed)
            #expect(f.text.isEmpty && f.cursor == 0)
            #expect(f.handle(.ctrl("u")) == .handled)
            #expect(f.handle(.function(2)) == .ignored)
            #expect(f.handle(.ctrl("x")) == .ignored)
        }

        @Test("a digits field refuses letters but swallows them")
        func digitsRefuseLetters() {
            var f = TextField(id: "id_number", label: "Số CCCD", kind: .digits, maxLength: 14)
            for ch in "0a1ễ2 3.4-q" {
                let r = f.handle(.character(ch))
                #expect(r != .ignored) // never reaches the keymap (`q` must not quit)
            }
            #expect(f.text == "012 3.4")
            var p = TextField(id: "phone", label: "ĐT", kind: .phone)
            p.type("+84 (0)912-345.678x")
            #expect(p.text == "+84 (0)912-345.678")
            var c = TextField(id: "code", label: "Mã", kind: .code)
            c.type("EC 136 Đ431858VN")
            #expect(c.text == "EC136431858VN")
        }

        @Test("control and invisible characters never enter the text")
        func controls() {
            let evil: TextField.Compose = { ch, before in before + String(ch) + "\u{7}\u{200B}" }
            var f = TextField(id: "x", label: "X", compose: evil)
            for ch: Character in ["\t", "\n", "\r\n", "\u{1B}", "\u{7F}", "\u{200B}", "\u{202E}", "\u{0}", "\u{85}"] {
                #expect(f.handle(.character(ch)) == .handled)
            }
            #expect(f.text.isEmpty)
            f.type("a")
            #expect(f.text == "a")
            f.setText("x\ty\u{200D}z")
            #expect(f.text == "xyz")
            f.setText("")
            f.type("\u{A0}") // a no-break space becomes a space
            #expect(f.text == " ")
        }

        @Test("maxLength refuses more, but a rewrite at the limit still works")
        func maxLength() {
            let telex = WidgetFakeComposer()
            var f = TextField(id: "x", label: "X", maxLength: 3, compose: telex.closure)
            f.type("Tana")
            #expect(f.text == "Tan")
            f.setText("Tad")
            f.type("d")               // dd → đ: the length stays 3
            #expect(f.text == "Tađ")
            f.setText("Tta")
            f.type("a")
            #expect(f.text == "Ttâ")
            f.setText("abcdef")
            #expect(f.text == "abc")
        }

        @Test("horizontal scroll keeps the cursor visible, wide characters are never cut")
        func scrollWide() {
            var f = TextField(id: "x", label: "Lbl", text: "中文中文中文中文", width: 10)
            var g = CellGrid(rows: 1, cols: 30)
            // Cursor at the end: the window starts at cell 10, three wide characters show.
            var cur = f.render(into: &g, row: 0, col: 0, width: 30, labelWidth: 4, focused: true)
            #expect(g.rowText(0) == "Lbl 文中文")
            #expect(cur == CursorPosition(row: 0, col: 10))
            f.press(.home)
            g = CellGrid(rows: 1, cols: 30)
            cur = f.render(into: &g, row: 0, col: 0, width: 30, labelWidth: 4, focused: true)
            #expect(g.rowText(0) == "Lbl 中文中文中")
            #expect(cur == CursorPosition(row: 0, col: 4))
            // Every cursor position shows the cursor inside the value area.
            for pos in 0...f.text.count {
                f.moveCursor(to: pos)
                var h = CellGrid(rows: 1, cols: 30)
                let c = f.render(into: &h, row: 0, col: 0, width: 30, labelWidth: 4, focused: true)
                let col = c?.col ?? -1
                #expect((4..<14).contains(col))
                if pos < f.text.count {
                    #expect(h[0, col].text == String(Array(f.text)[pos]))
                }
                // Nothing drawn past the value area.
                #expect(h.rowText(0).count <= 4 + 10)
            }
        }

        @Test("a wide character straddling the window's edge leaves a blank, not half a glyph")
        func straddle() {
            var f = TextField(id: "x", label: "L", text: "a中文中文中文", width: 6)
            f.moveCursor(to: 5)  // cells: a=0, 中=1, 文=3, 中=5, 文=7 → cursor at cell 9
            var g = CellGrid(rows: 1, cols: 20)
            let c = f.render(into: &g, row: 0, col: 0, width: 20, labelWidth: 2, focused: true)
            #expect(c != nil)
            // step 3: window starts at cell 6, in the middle of 中 (5–6): one blank, then 文 and 中.
            #expect(g.rowText(0) == "L  文中")
            // Away from the field its start shows, cut with "…" (never half a glyph).
            var away = CellGrid(rows: 1, cols: 20)
            #expect(f.render(into: &away, row: 0, col: 0, width: 20, labelWidth: 2, focused: false) == nil)
            #expect(away.rowText(0) == "L a中文…")
            f.moveCursor(to: 5)
            var h = CellGrid(rows: 1, cols: 20)
            #expect(f.render(into: &h, row: 0, col: 0, width: 20, labelWidth: 2, focused: true)?.col == 2 + 3)
        }

        @Test("ASCII text scrolls by half a field")
        func scrollASCII() {
            var f = TextField(id: "x", label: "L", text: "abcdefghijklmnopqrstuvwxyz", width: 10)
            var g = CellGrid(rows: 1, cols: 20)
            f.render(into: &g, row: 0, col: 0, width: 20, labelWidth: 2, focused: true)
            #expect(g.rowText(0) == "L uvwxyz")
            f.moveCursor(to: 12)
            g = CellGrid(rows: 1, cols: 20)
            let c = f.render(into: &g, row: 0, col: 0, width: 20, labelWidth: 2, focused: true)
            #expect(g.rowText(0) == "L fghijklmno")
            #expect(c?.col == 2 + 7)
        }

        @Test("the error shows on the field's row, in the warning style; placeholder when empty")
        func errorRow() {
            var f = TextField(id: "name", label: "Họ và tên", width: 40, placeholder: "Nguyễn Văn A")
            var g = CellGrid(rows: 1, cols: 80)
            f.render(into: &g, row: 0, col: 0, width: 80, focused: false)
            #expect(g.rowText(0) == "Họ và tên       Nguyễn Văn A")
            #expect(g[0, 16].style == WidgetStyle.placeholder)
            f.error = "Bắt buộc nhập"
            g = CellGrid(rows: 1, cols: 80)
            f.render(into: &g, row: 0, col: 0, width: 80, focused: true)
            let row = g.rowText(0)
            #expect(row.hasPrefix("Họ và tên       Nguyễn Văn A"))
            #expect(row.hasSuffix(" Bắt buộc nhập"))
            #expect(CellWidth.of(row) <= 80)
            #expect(g.styleDump()[0].hasSuffix("wwwwwwwwwwwww"))
            // A long error squeezes the value area but never below 20 cells.
            f.error = String(repeating: "lỗi ", count: 30)
            f.setText(String(repeating: "x", count: 50))
            f.press(.home)
            g = CellGrid(rows: 1, cols: 80)
            f.render(into: &g, row: 0, col: 0, width: 80, focused: true)
            #expect(g.rowText(0).hasPrefix("Họ và tên       " + String(repeating: "x", count: 20) + " lỗi"))
            #expect(g.rowText(0).hasSuffix("…"))
        }
    }
}

@Suite("TextField: person names")
struct PersonNameFieldTests {
    func typed(_ keys: String) -> String {
        var f = TextField.personName(id: "name", label: Localized(vi: "Họ và tên", en: "Name"))
        let composer = VietnameseComposer()
        f.compose = { ch, before in composer.type(ch, after: before) }
        for ch in keys { f.type(ch) }
        return f.text
    }

    @Test("each word is capitalised as it is typed, Telex still composes")
    func capitalisesAsTyped() {
        #expect(typed("nguyeenx vawn an") == "Nguyễn Văn An")
        #expect(typed("ddoox thij hoaf") == "Đỗ Thị Hòa")
        #expect(typed("McDonald") == "McDonald")
    }
}

@Suite("TextField: a full field says so")
struct FullFieldTests {
    @Test("the character past maxLength is refused and marked, a tone on the last letter still composes")
    func refusedAtLimit() {
        var f = TextField(id: "x", label: Localized(vi: "Lý do", en: "Reason"), maxLength: 3)
        let composer = VietnameseComposer()
        f.compose = { ch, before in composer.type(ch, after: before) }
        for ch in "rat" { f.type(ch) }
        #expect(!f.refusedAtLimit)
        f.type("b")
        #expect(f.text == "rat" && f.refusedAtLimit)
        f.type("s")                                  // a tone adds no letter: accepted
        #expect(f.text == "rát" && !f.refusedAtLimit)
    }
}
