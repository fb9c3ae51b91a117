import Testing
@testable import MotCuaTUI

@Suite("Key names")
struct KeyTests {
    @Test("design.md's key names parse", arguments: [
        ("F1", Key.function(1)), ("F12", .function(12)), ("Enter", .enter), ("Esc", .escape), ("Tab", .tab),
        ("BackTab", .backTab), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("Ins", .insert),
        ("Del", .delete), ("Backspace", .backspace), ("C-a", .ctrl("a")), ("C-z", .ctrl("z")),
        ("M-x", .meta("x")), ("q", .character("q")), ("?", .character("?")), ("ễ", .character("ễ")),
        ("Space", .character(" ")), ("pgup", .pageUp), ("C-A", .ctrl("a")), ("M-X", .meta("X")),
    ])
    func parse(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test("bad names are refused", arguments: ["", "F0", "F25", "F01", "C-", "C-1", "C-ab", "M-", "Foo", " ", "\u{0301}", "\t"])
    func bad(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test("names round-trip")
    func roundTrip() {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown,
                           .home, .end, .insert, .delete, .backspace, .character(" "), .character("ư")]
        keys += (1...24).map { Key.function($0) }
        keys += "abcxyz".map { Key.ctrl($0) } + "ax1".map { Key.meta($0) }
        for k in keys {
            #expect(Key(name: k.name) == k, "\(k.name)")
            #expect(k.isBindable)
        }
        #expect(!Key.resize.isBindable)
        #expect(!Key.unknown.isBindable)
    }

    @Test("a key script parses or names the bad word")
    func script() throws {
        #expect(try Key.script("F2 a b Enter") == [.function(2), .character("a"), .character("b"), .enter])
        #expect(throws: KeyNameError(name: "Bogus")) { try Key.script("F2 Bogus") }
    }

    @Test("raw ncurses characters map to keys")
    func raw() {
        #expect(NcursesTerminal.keyFromCharacter(13) == .enter)
        #expect(NcursesTerminal.keyFromCharacter(9) == .tab)
        #expect(NcursesTerminal.keyFromCharacter(27) == .escape)
        #expect(NcursesTerminal.keyFromCharacter(127) == .backspace)
        #expect(NcursesTerminal.keyFromCharacter(1) == .ctrl("a"))
        #expect(NcursesTerminal.keyFromCharacter(26) == .ctrl("z"))
        #expect(NcursesTerminal.keyFromCharacter(0x1EC5) == .character("ễ"))
        #expect(NcursesTerminal.keyFromCharacter(0) == .unknown)
        #expect(NcursesTerminal.keyFromCharacter(0xD800) == .unknown)
        #expect(NcursesTerminal.keyFromCharacter(0x110000) == .unknown)
        #expect(NcursesTerminal.asciiFold("ễ", width: 1) == "e")
        #expect(NcursesTerminal.asciiFold("Đ", width: 1) == "D")
        #expect(NcursesTerminal.asciiFold("ư", width: 1) == "u")
        #expect(NcursesTerminal.asciiFold("中", width: 2) == "??")
        // One cell stays one cell; screens that know the terminal draw `Symbols.ascii` ("...").
        // Not ".": it would read as the ASCII separator dot (issue 10 trial).
        #expect(NcursesTerminal.asciiFold("…", width: 1) == "~")
        #expect(NcursesTerminal.asciiFold("┌", width: 1) == "+")
        #expect(NcursesTerminal.asciiFold("▸", width: 1) == ">")
        #expect(NcursesTerminal.asciiFold("—", width: 1) == "-")
        #expect(NcursesTerminal.asciiFold("a", width: 1) == "a")
        #expect(NcursesTerminal.isUTF8Codeset("UTF-8"))
        #expect(NcursesTerminal.isUTF8Codeset("utf8"))
        #expect(!NcursesTerminal.isUTF8Codeset("ANSI_X3.4-1968"))
    }
}
