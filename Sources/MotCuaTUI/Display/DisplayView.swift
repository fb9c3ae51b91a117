import MotCuaCore

/// The waiting room's screen, from `DisplayData` only (ticket numbers, counters, times and a
/// count: nothing personal can reach it). The latest call is drawn as large as the screen
/// allows with block characters, "Mời số A015 đến quầy 2" under it, the calls before it, the
/// people waiting and the time. Any size works: a small screen gets smaller digits (half
/// height), then loses them, then the earlier calls, never the ticket and its counter (the
/// sentence becomes "A015 → 2" when it does not fit); an empty one draws nothing.
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

        // Bottom line: how many wait (shorter words on a narrow screen, the count always).
        let waiting: String
        if let data {
            let forms = en ? ["Waiting: \(data.waiting)"] : ["Số người đang chờ: \(data.waiting)", "Đang chờ: \(data.waiting)", "Chờ: \(data.waiting)"]
            waiting = forms.first { CellWidth.of($0) <= g.cols } ?? forms[forms.count - 1]
        } else {
            waiting = en ? "Cannot read the queue — retrying" : "Không đọc được hàng chờ — đang thử lại"
        }
        let bottom = g.rows - 1
        centered(&g, row: bottom, waiting, style: CellStyle(.bold))
        var last = bottom // rows above this are free

        let calls = data?.calls ?? []
        let arrow = ascii ? "->" : "→"
        // The calls before the latest, on the line above the count, when there is room: each
        // ticket once (a recall is not a new person) and never the one drawn large.
        var earlier: [TicketCall] = []
        for c in calls.dropFirst() where c.ticket != calls.first?.ticket && !earlier.contains(where: { $0.ticket == c.ticket }) {
            earlier.append(c)
        }
        if !earlier.isEmpty, g.rows >= 5 {
            // Whole calls only, never one cut: fewer of them, then the short form, as room asks.
            let label = en ? "Earlier: " : "Vừa gọi: "
            var text: String?
            for long in [true, false] {
                for n in stride(from: min(recent, earlier.count), through: 1, by: -1) where text == nil {
                    let shown = earlier.prefix(n).map { c in
                        long && !en ? "\(c.ticket) \(arrow) quầy \(c.counter)" : "\(c.ticket) \(arrow) \(c.counter)"
                    }
                    let candidate = label + shown.joined(separator: long ? "  \(dot)  " : " \(dot) ")
                    if CellWidth.of(candidate) <= g.cols { text = candidate }
                }
            }
            last -= 1
            centered(&g, row: last, text ?? "")
            last -= 1
        }

        // The middle: the latest call, big, then its sentence.
        let freeTop = 1, freeRows = last - freeTop
        guard freeRows > 0 else { return }
        guard let call = calls.first else {
            centered(&g, row: freeTop + freeRows / 2, en ? "No ticket called yet" : "Chưa gọi số nào", style: CellStyle(.bold))
            return
        }
        // The ticket and the counter come first: when the sentence is cut, "A026 → 2" instead.
        let full = call.sentence(language)
        let sentence = CellWidth.of(full) <= g.cols ? full : "\(call.ticket) \(arrow) \(call.counter)"
        let mark = ascii ? "#" : "█"
        let big = BlockDigits.render(call.ticket, mark: mark)
        let bigWidth = big.map { CellWidth.of($0) }.max() ?? 0
        // Scale the digits by a whole factor to fill the room; the sentence takes a row, and a
        // gap above it when there is one to spare.
        let scale = bigWidth == 0 ? 0 : min((g.cols - 2) / bigWidth, (freeRows - 1) / glyphRows)
        var lines: [String] = []
        if scale >= 1 {
            lines = big.flatMap { line in
                Array(repeating: line.map { String(repeating: String($0), count: scale) }.joined(), count: scale)
            }
        } else if bigWidth > 0, bigWidth <= g.cols, freeRows >= halfRows + 1 {
            // Too small for full-size digits: the same glyphs at half height (two rows a cell).
            lines = halfHeight(call.ticket, ascii: ascii)
        }
        if !lines.isEmpty {
            let gap = freeRows >= lines.count + 2 ? 1 : 0
            let height = lines.count + gap + 1
            var row = freeTop + max(0, (freeRows - height) / 2)
            for line in lines {
                centered(&g, row: row, line, style: CellStyle(.bold))
                row += 1
            }
            centered(&g, row: row + gap, sentence, style: CellStyle(.bold))
        } else {
            // Too small for any digits: the sentence alone, in the middle.
            centered(&g, row: freeTop + (freeRows - 1) / 2, sentence, style: CellStyle(.bold))
        }
    }

    /// Rows of the half-height digits.
    static let halfRows = (glyphRows + 1) / 2

    /// `BlockDigits` at half height: two glyph rows in one text row, with the half blocks
    /// (▀ ▄ █); under ASCII `"` for a top half, `_` for a bottom one and `#` for both.
    static func halfHeight(_ text: String, ascii: Bool) -> [String] {
        let full = BlockDigits.render(text, mark: "#").map { Array($0) }
        let (both, top, bottom) = ascii ? ("#", "\"", "_") : ("█", "▀", "▄")
        return stride(from: 0, to: full.count, by: 2).map { r in
            let upper = full[r], lower = r + 1 < full.count ? full[r + 1] : Array(repeating: " ", count: upper.count)
            return upper.indices.map { i in
                let u = upper[i] == "#", l = i < lower.count && lower[i] == "#"
                return u && l ? both : u ? top : l ? bottom : " "
            }.joined()
        }
    }

    /// The desk as the header names it, the commune once: "Bộ phận Một cửa xã Tân Phú", but
    /// "Trung tâm Phục vụ hành chính công xã Tân Phú" alone (the slips' rule).
    public static func title(_ profile: DeskProfile) -> String {
        SlipLayout.deskInSentence(profile)
    }

    /// `text` centred on `row`, cut to the width.
    static func centered(_ g: inout CellGrid, row: Int, _ text: String, style: CellStyle = .plain) {
        guard row >= 0, row < g.rows else { return }
        let shown = CellWidth.truncate(text, toCells: g.cols)
        g.put(row: row, col: max(0, (g.cols - CellWidth.of(shown)) / 2), text: shown, style: style)
    }
}
