import MotCuaCore

/// What the desk screen shows besides the snapshot: the help page, a message, scrolling.
public struct DeskViewState: Hashable, Sendable {
    /// Show the help page (the keys in force) instead of the queue.
    public var showHelp = false
    /// A message for the status line (errors, notices), in the screen's language.
    public var message: String?
    /// The message is a problem (drawn as a warning).
    public var messageIsWarning = false
    /// The terminal cannot show Vietnamese (non-UTF-8): say so in the status line.
    public var terminalLacksUnicode = false
    /// First waiting row shown (scrolling).
    public var waitingOffset = 0
    /// First help row shown (scrolling).
    public var helpOffset = 0

    public init() {}
}

/// Pure rendering of the desk screen into a cell grid.
enum DeskScreen {
    static let minRows = 24
    static let minCols = 80
    /// Waits longer than this many minutes are marked.
    static let longWaitMinutes = 30

    static func render(snapshot: DeskSnapshot?, rows: Int, cols: Int, language: Language,
                       state: DeskViewState, keyBar: [(key: String, label: String)],
                       help: [(keys: String, text: String)]) -> CellGrid {
        var g = CellGrid(rows: rows, cols: cols)
        guard rows >= minRows, cols >= minCols else {
            renderTooSmall(into: &g, language: language)
            return g
        }
        renderHeader(into: &g, header: snapshot?.header, language: language)
        if state.showHelp {
            renderHelp(into: &g, help: help, offset: state.helpOffset, language: language)
        } else {
            renderQueue(into: &g, snapshot: snapshot, offset: state.waitingOffset, language: language)
        }
        renderStatus(into: &g, snapshot: snapshot, state: state, language: language)
        renderKeyBar(into: &g, items: keyBar)
        return g
    }

    // MARK: - Too small

    static func tooSmallMessage(_ language: Language) -> [String] {
        var lines = ["Cửa sổ quá nhỏ — hãy phóng to tối thiểu \(minCols)×\(minRows)"]
        if language == .en { lines.append("Window too small — enlarge it to at least \(minCols)×\(minRows)") }
        lines.append(language == .en ? "F10: Thoát / Quit" : "F10: Thoát")
        return lines
    }

    static func renderTooSmall(into g: inout CellGrid, language: Language) {
        guard g.rows > 0, g.cols > 0 else { return }
        var lines: [String] = []
        for m in tooSmallMessage(language) { lines += wrap(m, toCells: g.cols) }
        lines.append("(\(g.cols)×\(g.rows))")
        let top = max(0, (g.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < g.rows {
            let w = CellWidth.of(line)
            let left = max(0, (g.cols - w) / 2)
            g.put(row: top + i, col: left, text: CellWidth.truncate(line, toCells: g.cols),
                  style: i == 0 ? CellStyle(.bold, role: .warning) : .plain)
        }
    }

    static func wrap(_ text: String, toCells width: Int) -> [String] { WidgetText.wrap(text, toCells: width) }

    // MARK: - Header

    static func renderHeader(into g: inout CellGrid, header: DeskHeader?, language: Language) {
        let style = CellStyle(.bold, role: .header)
        g.fill(row: 0, style: style)
        guard let h = header else { return }
        let counter = language == .en ? "Counter \(h.counter)" : "Quầy \(h.counter)"
        let clerk = language == .en ? "Clerk: \(h.clerk)" : "Cán bộ: \(h.clerk)"
        // The input method's label is padded to the widest ("Telex") so the header does not shift.
        let clock = h.inputMethod.isEmpty ? h.clock : "[\(CellWidth.pad(h.inputMethod, toCells: 5))] \(h.clock)"
        let clockW = CellWidth.of(clock)
        let room = g.cols - 2 - (clockW > 0 ? clockW + 2 : 0)
        // Counter first after the desk so it survives truncation of a long desk name.
        let fixed = " · \(counter) · \(clerk)"
        let deskRoom = max(8, room - CellWidth.of(fixed))
        let left = CellWidth.truncate(CellWidth.truncate(h.desk, toCells: deskRoom) + fixed, toCells: room)
        g.put(row: 0, col: 1, text: left, style: style)
        if clockW > 0 { g.put(row: 0, col: g.cols - 1 - clockW, text: clock, style: style) }
    }

    // MARK: - Queue

    struct Columns {
        var ticket = 5, name = 0, priority = 16, purpose = 0, status = 12, waited = 8
        init(cols: Int) {
            let fixed = ticket + priority + status + waited + 6 // 5 gaps + left margin
            let rest = max(10, cols - fixed)
            name = rest / 2
            purpose = rest - name
        }
    }

    static func line(_ q: QueueLine?, columns k: Columns, language: Language) -> [(String, Int)] {
        guard let q else { return [] }
        return [(q.ticket, k.ticket), (q.name, k.name), (q.priority ?? "", k.priority),
                (q.purpose, k.purpose), (q.status, k.status)]
    }

    static func waitedText(_ minutes: Int, language: Language) -> String {
        let m = max(0, minutes)
        let unit = language == .en ? "min" : "ph"
        return (m > longWaitMinutes ? "!" : "") + "\(m) \(unit)"
    }

    static func headings(_ language: Language) -> [String] {
        language == .en
            ? ["No.", "Name", "Priority", "Purpose", "Status", "Waited"]
            : ["Số", "Họ và tên", "Ưu tiên", "Thủ tục", "Trạng thái", "Đã chờ"]
    }

    static func putRow(into g: inout CellGrid, row: Int, cells: [(String, Int)], waited: String,
                       columns k: Columns, style: CellStyle, waitedStyle: CellStyle) {
        var col = 1
        for (text, width) in cells {
            g.put(row: row, col: col, text: CellWidth.fit(text, toCells: width), style: style)
            col += width + 1
        }
        g.put(row: row, col: col, text: CellWidth.padLeft(CellWidth.truncate(waited, toCells: k.waited), toCells: k.waited),
              style: waitedStyle)
    }

    static func renderQueue(into g: inout CellGrid, snapshot: DeskSnapshot?, offset: Int, language: Language) {
        let k = Columns(cols: g.cols)
        let bottom = g.rows - 2 // rows [bottom, rows) are the status line and key bar
        let h = headings(language)
        let headCells = zip(h.dropLast(), [k.ticket, k.name, k.priority, k.purpose, k.status]).map { ($0, $1) }
        putRow(into: &g, row: 1, cells: headCells, waited: h[5], columns: k,
               style: CellStyle(.underline), waitedStyle: CellStyle(.underline))
        guard let snap = snapshot else { return }
        var row = 2

        func section(_ title: String) {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: CellWidth.truncate(title, toCells: g.cols - 2), style: CellStyle(.bold))
            row += 1
        }
        func queueRow(_ q: QueueLine, serving: Bool) {
            let base: CellStyle = q.isPriority ? CellStyle(.bold, role: .priority) : (serving ? CellStyle(.bold) : .plain)
            let long = q.waitedMinutes > longWaitMinutes && !serving
            putRow(into: &g, row: row, cells: line(q, columns: k, language: language),
                   waited: waitedText(q.waitedMinutes, language: serving ? language : language),
                   columns: k, style: base, waitedStyle: long ? CellStyle(.bold, role: .warning) : base)
            row += 1
        }
        let nobody = language == .en ? "  (nobody)" : "  (không có ai)"

        section(language == .en ? "Now serving (\(snap.serving.count))" : "Đang phục vụ (\(snap.serving.count))")
        // At most 4 serving rows so the waiting list keeps the room.
        let servingShown = snap.serving.prefix(4)
        if servingShown.isEmpty, row < bottom { g.put(row: row, col: 1, text: nobody, style: CellStyle(.dim, role: .muted)); row += 1 }
        for q in servingShown where row < bottom { queueRow(q, serving: true) }
        if snap.serving.count > servingShown.count, row < bottom {
            g.put(row: row, col: 1, text: more(snap.serving.count - servingShown.count, language), style: CellStyle(.dim, role: .muted))
            row += 1
        }
        if row < bottom { row += 1 }
        section(language == .en ? "Waiting (\(snap.waiting.count))" : "Đang chờ (\(snap.waiting.count))")
        if snap.waiting.isEmpty {
            if row < bottom { g.put(row: row, col: 1, text: nobody, style: CellStyle(.dim, role: .muted)) }
            return
        }
        let room = bottom - row
        guard room > 0 else { return }
        let start = min(max(0, offset), max(0, snap.waiting.count - 1))
        let remaining = snap.waiting.count - start
        let fits = remaining <= room
        let shown = fits ? remaining : room - 1
        for q in snap.waiting[start..<(start + shown)] { queueRow(q, serving: false) }
        if !fits {
            g.put(row: row, col: 1, text: more(remaining - shown, language), style: CellStyle(.dim, role: .muted))
        }
    }

    static func more(_ n: Int, _ language: Language) -> String {
        language == .en ? "  … and \(n) more" : "  … và \(n) người nữa"
    }

    /// How many waiting rows fit on a screen of `rows` (for scrolling by pages).
    static func waitingRoom(rows: Int, servingCount: Int) -> Int {
        let servingRows = max(1, min(4, servingCount)) + (servingCount > 4 ? 1 : 0)
        return max(1, rows - 2 - 2 - 1 - servingRows - 1 - 1)
    }

    // MARK: - Help

    static func renderHelp(into g: inout CellGrid, help: [(keys: String, text: String)], offset: Int, language: Language) {
        let bottom = g.rows - 2
        g.put(row: 1, col: 1, text: language == .en ? "Help — keys in force (Esc closes)" : "Trợ giúp — các phím đang dùng (Esc để đóng)",
              style: CellStyle(.bold))
        var row = 3
        let keyWidth = min(24, max(8, help.map { CellWidth.of($0.keys) }.max() ?? 8))
        let start = min(max(0, offset), max(0, help.count - 1))
        let room = bottom - row
        let more = help.count - start > room
        for item in help.dropFirst(start).prefix(more ? room - 1 : room) {
            g.put(row: row, col: 2, text: CellWidth.fit(item.keys, toCells: keyWidth), style: CellStyle(.bold))
            g.put(row: row, col: 3 + keyWidth, text: CellWidth.truncate(item.text, toCells: g.cols - 4 - keyWidth))
            row += 1
        }
        if more {
            let left = help.count - start - (room - 1)
            g.put(row: row, col: 2, text: language == .en ? "↓ \(left) more — PgDn" : "↓ còn \(left) dòng — PgDn",
                  style: CellStyle(.bold, role: .muted))
        }
    }

    // MARK: - Status line and key bar

    static func renderStatus(into g: inout CellGrid, snapshot: DeskSnapshot?, state: DeskViewState, language: Language) {
        let row = g.rows - 2
        var text = ""
        var style = CellStyle.plain
        if let m = state.message {
            text = m
            if state.messageIsWarning { style = CellStyle(.bold, role: .warning) }
        } else if state.terminalLacksUnicode {
            text = language == .en ? "The terminal is not UTF-8: text is shown without diacritics"
                                   : "Terminal không dùng UTF-8: chữ hiển thị không dấu"
            style = CellStyle(.bold, role: .warning)
        } else if !state.showHelp, let s = snapshot, s.waiting.contains(where: { $0.waitedMinutes > longWaitMinutes }) {
            text = language == .en ? "! waited more than \(longWaitMinutes) minutes"
                                   : "! đã chờ quá \(longWaitMinutes) phút"
            style = CellStyle(.dim, role: .muted)
        }
        guard !text.isEmpty else { return }
        // A long message (a refusal with its reason) takes the row above too rather than lose its end.
        let lines = CellWidth.of(text) > g.cols - 2 ? wrap(text, toCells: g.cols - 2) : [text]
        if lines.count >= 2, row >= 2 {
            g.fill(row: row - 1, style: .plain)
            g.put(row: row - 1, col: 1, text: lines[0], style: style)
            g.put(row: row, col: 1, text: CellWidth.truncate(lines.dropFirst().joined(separator: " "), toCells: g.cols - 2), style: style)
        } else {
            g.put(row: row, col: 1, text: CellWidth.truncate(text, toCells: g.cols - 2), style: style)
        }
    }

    /// The key bar, as roomy as the width allows: `F1 Trợ giúp  F2 …`, then single gaps, then
    /// Midnight Commander's compact `1Trợ giúp 2…`, then dropping items before the last (quit
    /// stays visible). Every key is in the help screen whatever the bar shows.
    static func renderKeyBar(into g: inout CellGrid, items: [(key: String, label: String)]) {
        let row = g.rows - 1
        let bar = CellStyle(role: .keyBar)
        g.fill(row: row, style: bar)
        guard g.cols > 0, !items.isEmpty else { return }
        func compactKey(_ k: String) -> String {
            if k.hasPrefix("F"), Int(k.dropFirst()) != nil { return String(k.dropFirst()) }
            return k
        }
        func width(_ list: [(key: String, label: String)], gap: Int, compact: Bool) -> Int {
            list.enumerated().reduce(0) { sum, e in
                let key = compact ? compactKey(e.element.key) : e.element.key
                return sum + (e.offset > 0 ? gap : 0) + CellWidth.of(key) + (compact ? 0 : 1) + CellWidth.of(e.element.label)
            }
        }
        var list = items
        var layout: (gap: Int, compact: Bool) = (2, false)
        while true {
            if let fit = [(2, false), (1, false), (1, true)].first(where: { width(list, gap: $0.0, compact: $0.1) <= g.cols }) {
                layout = fit
                break
            }
            if list.count <= 1 { layout = (1, true); break }
            list.remove(at: list.count - 2)
        }
        var col = 0
        for (i, item) in list.enumerated() {
            if i > 0 { col += layout.gap }
            let keyText = layout.compact ? compactKey(item.key) : item.key
            let labelText = layout.compact ? item.label : " " + item.label
            col = g.put(row: row, col: col, text: keyText, style: CellStyle(.bold, role: .keyBar))
            col = g.put(row: row, col: col, text: labelText, style: layout.compact ? CellStyle(.reverse, role: .keyBar) : bar)
            if col >= g.cols { break }
        }
    }

}
