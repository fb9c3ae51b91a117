import MotCuaCore

/// Draws the board's page. The lists to open come last and always show; the counters give up
/// rows first when a small window is short of them (a `+N` line says how many are hidden).
enum BoardView {
    static func render(_ s: BoardSummary, selected: Int, into g: inout CellGrid, top: Int, bottom: Int,
                       language: Language, symbols: Symbols) {
        let en = language == .en
        let width = g.cols - 2
        var row = top
        func line(_ text: String, style: CellStyle = .plain) {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: CellWidth.truncate(text, toCells: width), style: style)
            row += 1
        }
        let detailRows = BoardSummary.DetailKind.allCases.count + 1
        // The waiting line wraps (many priority groups at 80 columns) rather than lose groups.
        let total = s.waitingGroups.reduce(0) { $0 + $1.count }
        let waitingLines = wrapped(head: en ? "Waiting: \(total)" : "Đang chờ: \(total)",
                                   items: s.waitingGroups.map { "\($0.label) \($0.count)" }, separator: " \(symbols.dot) ", width: width)
        // heading, gap, waiting (wrapped) and waits, gap, appointments, gap, lists
        let fixedRows = 1 + 1 + waitingLines.count + 1 + 1 + 1 + 1 + detailRows
        let counterRoom = max(1, bottom - top - fixedRows)

        // Counters.
        let clerkW = max(10, min(24, width / 4))
        let servingW = max(12, width - 7 - clerkW - 10)
        func columns(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
            CellWidth.pad(a, toCells: 6) + CellWidth.fit(b, toCells: clerkW) + " " + CellWidth.fit(c, toCells: servingW) + " " + d
        }
        line(columns(en ? "Cntr" : "Quầy", en ? "Clerk" : "Cán bộ", en ? "Serving" : "Đang phục vụ", en ? "Served" : "Đã xong"),
             style: CellStyle(.bold))
        let shown = s.counters.count > counterRoom ? max(0, counterRoom - 1) : s.counters.count
        for c in s.counters.prefix(shown) {
            line(columns(" \(c.counter)", c.clerk.isEmpty ? symbols.dash : c.clerk, c.serving.isEmpty ? symbols.dash : c.serving,
                         String(c.servedToday)))
        }
        if shown < s.counters.count { line(en ? "+\(s.counters.count - shown) more counters" : "+\(s.counters.count - shown) quầy nữa") }
        row += 1

        // Waiting.
        for text in waitingLines { line(text, style: CellStyle(.bold)) }
        let longest = s.waits.longestMinutes.map { en ? "longest \($0) min" : "lâu nhất \($0) phút" } ?? (en ? "nobody waits" : "không ai chờ")
        let median = s.waits.medianMinutes.map { en ? "median \($0) min" : "trung vị \($0) phút" }
        line([en ? "Wait:" : "Thời gian chờ:", longest, median.map { "\(symbols.dot) \($0)" } ?? "",
              "\(symbols.dot) " + (en ? "no-shows today \(s.noShows)" : "vắng mặt hôm nay \(s.noShows)")]
            .filter { !$0.isEmpty }.joined(separator: " "))
        row += 1

        // Next appointments.
        line((en ? "Next appointments: " : "Lịch hẹn sắp tới: ")
             + (s.nextAppointments.isEmpty ? (en ? "none" : "không có") : s.nextAppointments.joined(separator: " \(symbols.dot) ")))
        row += 1

        // The lists to open.
        line(en ? "Look into (Enter):" : "Xem chi tiết (Enter):", style: CellStyle(.bold))
        for (i, kind) in BoardSummary.DetailKind.allCases.enumerated() {
            let d = s.detail(kind)
            let label = CellWidth.fit(d?.title ?? "", toCells: min(44, width - 10))
            let count = String(d?.rows.count ?? 0)
            let mark = i == selected ? symbols.pointer : " "
            let late = kind == .overdue && (d?.rows.count ?? 0) > 0
            line("\(mark) \(label) \(CellWidth.pad(count, toCells: 5))",
                 style: i == selected ? WidgetStyle.highlight : (late ? CellStyle(.bold, role: .warning) : .plain))
        }
    }

    /// `head  (a · b · c)` in lines of `width` cells, breaking between items only; the lines
    /// after the first are indented under the parenthesis.
    static func wrapped(head: String, items: [String], separator: String, width: Int) -> [String] {
        guard !items.isEmpty else { return [head] }
        var lines: [String] = []
        var current = head + "  ("
        let indent = String(repeating: " ", count: CellWidth.of(head) + 3)
        for (i, item) in items.enumerated() {
            let piece = item + (i == items.count - 1 ? ")" : separator.trimmingTrailingSpaces)
            let joiner = current.hasSuffix("(") || current == indent ? "" : " "
            if CellWidth.of(current + joiner + piece) > width, current != indent, !current.hasSuffix("(") {
                lines.append(current)
                current = indent + piece
            } else {
                current += joiner + piece
            }
        }
        lines.append(current)
        return lines
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
