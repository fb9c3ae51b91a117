import Foundation
import Testing
import MotCuaCore
@testable import MotCuaTUI

/// The waiting-room screen at the sizes and with the calls the trial met.
@Suite struct DisplayViewTests {
    func c(_ id: Int64, _ ticket: String, _ counter: Int) -> TicketCall { TicketCall(id: id, ticket: ticket, counter: counter, at: Date()) }
    /// A026 at counter 2 just now, A025 recalled three times before it, B002 before that.
    var calls: [TicketCall] { [c(9, "A026", 2), c(8, "A025", 1), c(7, "A025", 1), c(6, "A025", 1), c(5, "A026", 2), c(4, "B002", 3)] }

    func grid(_ rows: Int, _ cols: Int, ascii: Bool = false) -> [String] {
        var g = CellGrid(rows: rows, cols: cols)
        DisplayView.render(DisplayData(calls: calls, waiting: 7), title: "Bộ phận Một cửa xã Tân Phú", clock: "09:00",
                           language: .vi, ascii: ascii, into: &g)
        return g.dump()
    }

    @Test func theEarlierCallsAreDistinctTicketsWithoutTheOneShownLarge() throws {
        let line = try #require(grid(24, 80).first { $0.contains("Vừa gọi:") })
        #expect(line.contains("Vừa gọi: A025 → quầy 1  ·  B002 → quầy 3"), "\(line)")
        #expect(line.components(separatedBy: "A025").count == 2 && !line.contains("A026"), "\(line)")
    }

    @Test("ticket and counter are never cut", arguments: [(5, 20), (3, 10), (3, 8)])
    func compactSentence(rows: Int, cols: Int) {
        // Below the header (the desk's name may be cut there).
        let s = grid(rows, cols).dropFirst().joined(separator: "\n")
        #expect(s.contains("Mời số A026 đến quầy 2") || s.contains("A026 → 2"), "\(rows)×\(cols):\n\(s)")
        #expect(!s.contains("…"), "\(rows)×\(cols):\n\(s)")
    }

    @Test("digits as large as the window allows", arguments: [(8, 30), (10, 40)])
    func smallDigits(rows: Int, cols: Int) {
        for ascii in [false, true] {
            let g = grid(rows, cols, ascii: ascii)
            let s = g.joined(separator: "\n")
            let marks = ascii ? ["#", "\"", "_"] : ["█", "▀", "▄"]
            #expect(g.dropFirst().dropLast().filter { row in marks.contains { row.contains($0) } }.count >= 3, "\(rows)×\(cols):\n\(s)")
            #expect(s.contains("Mời số A026 đến quầy 2"), "\(s)")
        }
    }

    @Test func theHeaderNamesTheCommuneOnce() {
        var p = DeskProfile()
        p.deskName = "Trung tâm Phục vụ hành chính công xã Tân Phú"
        p.commune = "Xã Tân Phú"
        #expect(DisplayView.title(p) == "Trung tâm Phục vụ hành chính công xã Tân Phú")
        p.deskName = "Bộ phận Một cửa"
        #expect(DisplayView.title(p) == "Bộ phận Một cửa xã Tân Phú")
    }
}
