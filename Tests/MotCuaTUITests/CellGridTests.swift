import Testing
@testable import MotCuaTUI

@Suite("CellGrid")
struct CellGridTests {
    @Test("Vietnamese text takes one cell per letter")
    func vietnamese() {
        var g = CellGrid(rows: 2, cols: 20)
        let end = g.put(row: 0, col: 2, text: "Nguyễn Hồng Sự")
        #expect(end == 16)
        #expect(g.dump() == ["  Nguyễn Hồng Sự", ""])
        #expect(g[0, 6].text == "ễ")
        #expect(g[0, 7].text == "n")
    }

    @Test("decomposed Vietnamese keeps marks in the base's cell")
    func decomposed() {
        var g = CellGrid(rows: 1, cols: 10)
        g.put(row: 0, col: 0, text: "Nguye\u{0302}\u{0303}n")
        #expect(g[0, 4].text == "e\u{0302}\u{0303}")
        #expect(g[0, 5].text == "n")
    }

    @Test("wide characters occupy two cells")
    func wide() {
        var g = CellGrid(rows: 1, cols: 10)
        let end = g.put(row: 0, col: 0, text: "中文ab")
        #expect(end == 6)
        #expect(g[0, 0].text == "中")
        #expect(g[0, 1].isContinuation)
        #expect(g[0, 2].text == "文")
        #expect(g[0, 4].text == "a")
        #expect(g.dump() == ["中文ab"])
    }

    @Test("a wide character at the right edge becomes a space; text is clipped")
    func edge() {
        var g = CellGrid(rows: 1, cols: 5)
        g.put(row: 0, col: 0, text: "abcd中xyz")
        #expect(g.dump() == ["abcd"])
        #expect(!g[0, 4].isContinuation)
        g.put(row: 0, col: -2, text: "xyZW")
        #expect(g.dump() == ["ZWcd"])
        g.put(row: 5, col: 0, text: "nowhere")
        g.put(row: -1, col: 0, text: "nowhere")
        #expect(g.dump() == ["ZWcd"])
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalves() {
        var g = CellGrid(rows: 1, cols: 6)
        g.put(row: 0, col: 0, text: "中文")
        g.put(row: 0, col: 1, text: "x") // right half of 中
        #expect(g.dump() == [" x文"])
        #expect(!g[0, 1].isContinuation)
        g.put(row: 0, col: 2, text: "y") // left half of 文
        #expect(g.dump() == [" xy"])
        #expect(!g[0, 3].isContinuation)
        g.put(row: 0, col: 3, text: "中文")
        g.put(row: 0, col: 4, text: "中")
        #expect(g.dump() == [" xy 中"])
        #expect(g[0, 5].isContinuation)
    }

    @Test("dump trims trailing spaces; styles are kept per cell")
    func styles() {
        var g = CellGrid(rows: 2, cols: 10)
        g.fill(row: 0, style: CellStyle(role: .header))
        g.put(row: 0, col: 1, text: "Quầy 3", style: CellStyle(.bold, role: .header))
        g.put(row: 1, col: 0, text: "A012  ", style: CellStyle(.bold))
        #expect(g.dump() == [" Quầy 3", "A012"])
        #expect(g[0, 1].style.isBold)
        #expect(g[0, 9].style.role == .header)
        #expect(g.styleDump() == ["hhhhhhhhhh", "BBBBBB"])
    }

    @Test("zero and negative sizes are empty grids")
    func empty() {
        var g = CellGrid(rows: 0, cols: -4)
        g.put(row: 0, col: 0, text: "x")
        g.fill(row: 0, style: .plain)
        #expect(g.rows == 0 && g.cols == 0)
        #expect(g.dump().isEmpty)
        #expect(g[3, 3] == .blank)
    }

    @Test("monochrome falls back to bold and reverse")
    func monochrome() {
        #expect(CellStyle(role: .header).effectiveAttributes(hasColor: false).contains(.reverse))
        #expect(CellStyle(role: .priority).effectiveAttributes(hasColor: false).contains(.bold))
        #expect(CellStyle(role: .header).effectiveAttributes(hasColor: true).isEmpty)
    }
}
