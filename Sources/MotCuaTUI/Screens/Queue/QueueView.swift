import MotCuaCore

/// Pure drawing of the queue: who is being served here, who is waiting (and, on request,
/// today's finished tickets), in columns sized to what they hold.
enum QueueView {
    /// Waits longer than this many minutes are marked.
    static let longWaitMinutes = 30

    /// Column widths in cells. The status gets its longest label (never `Đang phục v…`), the
    /// ticket, the wait and the priority what they need, the purpose a third of what is left
    /// and the name the rest: names are what the clerk reads aloud.
    struct Columns: Equatable {
        var ticket = 5, name = 0, priority = 0, purpose = 0, status = 0, waited = 6
        /// Blank cells between two columns.
        static let gap = 1

        init(cols: Int, lines: [QueueLine], language: Language) {
            let labels = Ticket.Status.allCases.map { CellWidth.of($0.label.text(language)) }
            let headings = QueueView.headings(language)
            status = max(labels.max() ?? 0, lines.map { CellWidth.of($0.status) }.max() ?? 0, CellWidth.of(headings[4]))
            // One more cell than the widest: "Ưu tiên" and "Thủ tục" must not read as one heading.
            priority = min(16, max(CellWidth.of(headings[2]), lines.map { CellWidth.of($0.priorityColumn) }.max() ?? 0)) + 1
            // The wait is never cut (`!396 ph`): as wide as the longest, right-aligned.
            waited = max(CellWidth.of(headings[5]), lines.map { CellWidth.of(QueueView.waitedText($0.waitedMinutes, language: language)) }.max() ?? 0)
            let fixed = 1 + ticket + priority + status + waited + 5 // left margin and 5 gaps
            let rest = max(20, cols - 1 - fixed)
            let longestPurpose = lines.map { CellWidth.of($0.purpose) }.max() ?? 0
            purpose = min(max(CellWidth.of(headings[3]), longestPurpose), max(10, rest / 3))
            name = rest - purpose
        }
    }

    static func headings(_ language: Language) -> [String] {
        language == .en
            ? ["No.", "Name", "Priority", "Purpose", "Status", "Waited"]
            : ["Số", "Họ và tên", "Ưu tiên", "Thủ tục", "Trạng thái", "Đã chờ"]
    }

    static func waitedText(_ minutes: Int, language: Language) -> String {
        let m = max(0, minutes)
        return (m > longWaitMinutes ? "!" : "") + "\(m) \(language == .en ? "min" : "ph")"
    }

    static func more(_ n: Int, _ language: Language, _ symbols: Symbols) -> String {
        language == .en ? "  \(symbols.ellipsis) and \(n) more" : "  \(symbols.ellipsis) và \(n) người nữa"
    }

    /// How many waiting rows fit between `top` and `bottom` (for scrolling by pages).
    static func waitingRoom(top: Int, bottom: Int, servingCount: Int) -> Int {
        let servingRows = max(1, min(4, servingCount)) + (servingCount > 4 ? 1 : 0)
        return max(1, bottom - top - 1 - 1 - servingRows - 1 - 1 - 1)
    }

    private static func putRow(into g: inout CellGrid, row: Int, cells: [(String, Int)], waited: String,
                               columns k: Columns, style: CellStyle, waitedStyle: CellStyle) {
        var col = 1
        for (text, width) in cells {
            g.put(row: row, col: col, text: CellWidth.fit(text, toCells: width), style: style)
            col += width + 1
        }
        g.put(row: row, col: col, text: CellWidth.padLeft(CellWidth.truncate(waited, toCells: k.waited), toCells: k.waited),
              style: waitedStyle)
    }

    static func render(into g: inout CellGrid, top: Int, bottom: Int, snapshot snap: DeskSnapshot, offset: Int,
                       selected: Int? = nil, showFinished: Bool, language: Language, symbols: Symbols) {
        guard bottom > top else { return }
        let en = language == .en
        let all = snap.serving + snap.waiting + (showFinished ? snap.finished : [])
        let k = Columns(cols: g.cols, lines: all, language: language)
        let h = headings(language)
        putRow(into: &g, row: top, cells: zip(h.dropLast(), [k.ticket, k.name, k.priority, k.purpose, k.status]).map { ($0, $1) },
               waited: h[5], columns: k, style: CellStyle(.underline), waitedStyle: CellStyle(.underline))
        var row = top + 1

        func section(_ title: String) {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: CellWidth.truncate(title, toCells: g.cols - 2), style: CellStyle(.bold))
            row += 1
        }
        func queueRow(_ q: QueueLine, serving: Bool, muted: Bool = false, isSelected: Bool = false) {
            let base: CellStyle = isSelected ? CellStyle(.reverse, role: .selected) : muted ? CellStyle(.dim, role: .muted)
                : q.isPriority ? CellStyle(.bold, role: .priority) : (serving ? CellStyle(.bold) : .plain)
            let long = q.waitedMinutes > longWaitMinutes && !serving && !muted
            let ticket = (q.isMine ? symbols.pointer : "") + q.ticket
            putRow(into: &g, row: row, cells: [(ticket, k.ticket), (q.name, k.name), (q.priorityColumn, k.priority),
                                               (q.purpose, k.purpose), (q.status, k.status)],
                   waited: muted ? "" : waitedText(q.waitedMinutes, language: language),
                   columns: k, style: base, waitedStyle: long ? CellStyle(.bold, role: .warning) : base)
            row += 1
        }
        func nobody() {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: en ? "  (nobody)" : "  (không có ai)", style: CellStyle(.dim, role: .muted))
            row += 1
        }
        func moreLine(_ n: Int) {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: more(n, language, symbols), style: CellStyle(.dim, role: .muted))
            row += 1
        }

        section(en ? "Now serving (\(snap.serving.count))" : "Đang phục vụ (\(snap.serving.count))")
        // At most 4 serving rows so the waiting list keeps the room.
        let servingShown = snap.serving.prefix(4)
        if servingShown.isEmpty { nobody() }
        for q in servingShown where row < bottom { queueRow(q, serving: true) }
        if snap.serving.count > servingShown.count { moreLine(snap.serving.count - servingShown.count) }
        if row < bottom { row += 1 }

        section(en ? "Waiting (\(snap.waiting.count))" : "Đang chờ (\(snap.waiting.count))")
        // The finished section keeps a title and a row or two below the waiting list.
        let finishedRoom = showFinished ? min(bottom - row, 2 + max(1, min(3, snap.finished.count))) : 0
        let waitingBottom = bottom - finishedRoom
        if snap.waiting.isEmpty {
            nobody()
        } else {
            let room = waitingBottom - row
            if room > 0 {
                let start = min(max(0, offset), max(0, snap.waiting.count - 1))
                let remaining = snap.waiting.count - start
                let fits = remaining <= room
                let shown = fits ? remaining : room - 1
                for (i, q) in snap.waiting[start..<(start + shown)].enumerated() {
                    queueRow(q, serving: false, isSelected: selected == start + i)
                }
                if !fits { moreLine(remaining - shown) }
            }
        }
        guard showFinished else { return }
        row += 1
        section(en ? "Finished today (\(snap.finished.count))" : "Đã xong hôm nay (\(snap.finished.count))")
        if snap.finished.isEmpty { nobody(); return }
        let room = bottom - row
        guard room > 0 else { return }
        let fits = snap.finished.count <= room
        for q in snap.finished.prefix(fits ? room : room - 1) { queueRow(q, serving: false, muted: true) }
        if !fits { moreLine(snap.finished.count - (room - 1)) }
    }
}
