import MotCuaCore

/// The waiting room's screen, from `DisplayData` only (ticket numbers, counters, times and a
/// count: nothing personal can reach it). The latest call is drawn as large as the screen
/// allows with block characters, "Mời số A015 đến quầy 2" under it, the calls before it, the
/// people waiting and the time. Any size works: a small screen loses the big digits first,
/// then the earlier calls, never the sentence; an empty one draws nothing.
public enum DisplayView {
    /// Glyph rows of `BlockDigits`, and the width of a four-character ticket.
    static let glyphRows = BlockDigits.height

    public static func render(_ data: DisplayData?, title: String, clock: String, language: Language, ascii: Bool,
                              recent: Int = 4, into g: inout CellGrid) {
        guard g.rows > 0, g.cols > 0 else { return }
        let en = language == .en
        let dot = ascii ? "." : "·"
        // Top line: the desk and the time.
        g.fill(row: 0, style: CellStyle(.bold, role: .header))
        let clockW = CellWidth.of(clock)
        g.put(row: 0, col: 1, text: CellWidth.truncate(title, toCells: max(0, g.cols - clockW - 3)), style: CellStyle(.bold, role: .header))
        if clockW + 2 <= g.cols { g.put(row: 0, col: g.cols - 1 - clockW, text: clock, style: CellStyle(.bold, role: .header)) }
        guard g.rows > 1 else { return }

        // Bottom line: how many wait.
        let waiting = data.map { en ? "Waiting: \($0.waiting)" : "Số người đang chờ: \($0.waiting)" }
            ?? (en ? "Cannot read the queue — retrying" : "Không đọc được hàng chờ — đang thử lại")
        let bottom = g.rows - 1
        centered(&g, row: bottom, waiting, style: CellStyle(.bold))
        var last = bottom // rows above this are free

        let calls = data?.calls ?? []
        // The calls before the latest, on the line above the count, when there is room.
        if calls.count > 1, g.rows >= 5 {
            let earlier = calls.dropFirst().prefix(recent).map { en ? "\($0.ticket) → \($0.counter)" : "\($0.ticket) → quầy \($0.counter)" }
            let arrowSafe = ascii ? earlier.map { $0.replacingOccurrences(of: "→", with: "->") } : earlier
            last -= 1
            centered(&g, row: last, (en ? "Earlier: " : "Vừa gọi: ") + arrowSafe.joined(separator: "  \(dot)  "))
            last -= 1
        }

        // The middle: the latest call, big, then its sentence.
        let freeTop = 1, freeRows = last - freeTop
        guard freeRows > 0 else { return }
        guard let call = calls.first else {
            centered(&g, row: freeTop + freeRows / 2, en ? "No ticket called yet" : "Chưa gọi số nào", style: CellStyle(.bold))
            return
        }
        let sentence = call.sentence(language)
        let big = BlockDigits.render(call.ticket, mark: ascii ? "#" : "█")
        let bigWidth = big.map { CellWidth.of($0) }.max() ?? 0
        // Scale the digits by a whole factor to fill the room: a gap and the sentence take 2 rows.
        let scale = bigWidth == 0 ? 0 : min((g.cols - 2) / bigWidth, (freeRows - 2) / glyphRows)
        if scale >= 1 {
            let height = glyphRows * scale + 2
            let start = freeTop + max(0, (freeRows - height) / 2)
            var row = start
            for line in big {
                let wide = line.map { String(repeating: String($0), count: scale) }.joined()
                for _ in 0..<scale {
                    centered(&g, row: row, wide, style: CellStyle(.bold))
                    row += 1
                }
            }
            centered(&g, row: row + 1, sentence, style: CellStyle(.bold))
        } else {
            // Too small for the big digits: the sentence alone, in the middle.
            centered(&g, row: freeTop + (freeRows - 1) / 2, sentence, style: CellStyle(.bold))
        }
    }

    /// `text` centred on `row`, cut to the width.
    static func centered(_ g: inout CellGrid, row: Int, _ text: String, style: CellStyle = .plain) {
        guard row >= 0, row < g.rows else { return }
        let shown = CellWidth.truncate(text, toCells: g.cols)
        g.put(row: row, col: max(0, (g.cols - CellWidth.of(shown)) / 2), text: shown, style: style)
    }
}
