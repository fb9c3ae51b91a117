import Foundation
import MotCuaCore

/// What the shell draws around every screen: the header (row 0), the status line and the key
/// bar (last two rows), and the "window too small" page. Pure functions of their inputs.
enum ShellChrome {
    static let minRows = 24
    static let minCols = 80

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
        for m in tooSmallMessage(language) { lines += WidgetText.wrap(m, toCells: g.cols) }
        lines.append("(\(g.cols)×\(g.rows))")
        let top = max(0, (g.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < g.rows {
            let left = max(0, (g.cols - CellWidth.of(line)) / 2)
            g.put(row: top + i, col: left, text: CellWidth.truncate(line, toCells: g.cols),
                  style: i == 0 ? CellStyle(.bold, role: .warning) : .plain)
        }
    }

    // MARK: - Header

    /// `Bộ phận Một cửa — Xã Tân Lập · Quầy 1 · Cán bộ: lan   Hạn hôm nay: 1 · Quá hạn: 2  [Telex] 09:00 25/11/2026`.
    /// The counter and the clerk always show, and so do the dossiers due today and overdue
    /// when there are any (the overdue count in the warning style when it is not 0). When room is
    /// short the desk's name is shortened first (down to nothing); if the commune still does not fit,
    /// the counts take their short wording (`Đến hạn 1 · Quá hạn 2`), then the clock drops the
    /// year; only then is the commune cut. So an 80-column desk still says where it is.
    /// A desk name that already names the commune does not repeat it.
    static func renderHeader(into g: inout CellGrid, header: DeskHeader?, language: Language, symbols: Symbols) {
        let style = CellStyle(.bold, role: .header)
        g.fill(row: 0, style: style)
        guard let h = header else { return }
        let counter = language == .en ? "Counter \(h.counter)" : "Quầy \(h.counter)"
        // A long clerk name is shortened (a third of the width at most) so the place still shows.
        let clerkName = CellWidth.truncate(h.clerk, toCells: max(8, g.cols / 3 - 8))
        let clerk = language == .en ? "Clerk: \(clerkName)" : "Cán bộ: \(clerkName)"
        let who = h.role ?? "\(counter) \(symbols.dot) \(clerk)"
        let fixed = " \(symbols.dot) \(who)"
        // The input method's label is padded to the widest ("Telex") so the header does not shift.
        func clockText(_ time: String) -> String {
            h.inputMethod.isEmpty ? time : "[\(CellWidth.pad(h.inputMethod, toCells: 5))] \(time)"
        }
        // Nothing due today and nothing late: the room goes to the place and the date.
        let workload = h.workload == .counts(dueToday: 0, overdue: 0) ? nil : h.workload
        let shortClock = h.shortClock.isEmpty ? h.clock : h.shortClock
        // The layouts to try, roomiest first: (the counts' short wording?, the clock shown).
        let layouts: [(short: Bool, clock: String)] = workload == nil
            ? [(false, h.clock), (false, shortClock)]
            : [(false, h.clock), (true, h.clock), (true, shortClock)]
        func parts(_ layout: (short: Bool, clock: String)) -> (load: (due: String, overdue: String)?, right: Int, place: String) {
            let load = workload.map { $0.pieces(language, short: layout.short) }
            let clock = clockText(layout.clock)
            let loadW = load.map { CellWidth.of($0.due) + CellWidth.of(" \(symbols.dot) ") + CellWidth.of($0.overdue) } ?? 0
            let clockW = CellWidth.of(clock)
            let right = (loadW > 0 ? loadW + 2 : 0) + (clockW > 0 ? clockW + 2 : 0)
            let room = g.cols - 2 - right
            return (load, right, placeText(desk: h.desk, commune: h.commune, room: room - CellWidth.of(fixed), symbols: symbols))
        }
        let chosen = layouts.first { placeKeepsCommune(parts($0).place, desk: h.desk, commune: h.commune) } ?? layouts[layouts.count - 1]
        let (load, right, place) = parts(chosen)
        let room = g.cols - 2 - right
        // No place left: no separator in front of the counter.
        let line = place.isEmpty ? who : place + fixed
        g.put(row: 0, col: 1, text: CellWidth.truncate(line, toCells: max(0, room)), style: style)
        let clock = clockText(chosen.clock)
        let clockW = CellWidth.of(clock)
        if clockW > 0 { g.put(row: 0, col: g.cols - 1 - clockW, text: clock, style: style) }
        if let load {
            let late = workload?.overdue.map { $0 > 0 } ?? false
            let text = load.due + " \(symbols.dot) "
            var col = g.cols - 1 - (clockW > 0 ? clockW + 2 : 0) - CellWidth.of(text) - CellWidth.of(load.overdue)
            col = g.put(row: 0, col: col, text: text, style: style)
            // Reverse on the header's own reverse: the late count stands out in colour and without.
            g.put(row: 0, col: col, text: load.overdue, style: late ? CellStyle([.bold, .reverse], role: .warning) : style)
        }
    }

    /// True when `place` (as `placeText` made it) still names the commune whole (or, without a
    /// commune, shows the desk's name or a fair part of it).
    static func placeKeepsCommune(_ place: String, desk: String, commune: String) -> Bool {
        if commune.isEmpty { return CellWidth.of(place) >= min(CellWidth.of(desk), 12) }
        return VietnameseText.fold(place).contains(VietnameseText.fold(commune))
    }

    /// The desk and its commune in `room` cells: whole when they fit, else the desk's name cut
    /// (it is much the same at every desk), and the commune cut only when there is no desk name
    /// left. A desk name that ends with the commune (`Trung tâm … xã Tân Phú`) keeps that end.
    static func placeText(desk: String, commune: String, room: Int, symbols: Symbols) -> String {
        let name: String, place: String, joiner: String
        if commune.isEmpty {
            return CellWidth.truncate(desk, toCells: max(0, room))
        } else if let r = desk.range(of: commune, options: [.caseInsensitive, .diacriticInsensitive]) {
            name = String(desk[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            place = String(desk[r.lowerBound...])
            joiner = " "
        } else if VietnameseText.fold(desk).contains(VietnameseText.fold(commune)) {
            return CellWidth.truncate(desk, toCells: max(0, room))
        } else {
            name = desk
            place = commune
            joiner = " \(symbols.dash) "
        }
        guard !name.isEmpty else { return CellWidth.truncate(place, toCells: max(0, room)) }
        let whole = name + joiner + place
        if CellWidth.of(whole) <= room { return whole }
        let nameRoom = room - CellWidth.of(joiner) - CellWidth.of(place)
        if nameRoom >= 4 { return CellWidth.truncate(name, toCells: nameRoom) + joiner + place }
        return CellWidth.truncate(place, toCells: max(0, room))
    }

    // MARK: - Status line

    static func renderStatus(into g: inout CellGrid, text: String, style: CellStyle) {
        let row = g.rows - 2
        guard !text.isEmpty, row >= 0 else { return }
        // A long message (a refusal with its reason) takes the row above too rather than lose its end.
        let lines = CellWidth.of(text) > g.cols - 2 ? WidgetText.wrap(text, toCells: g.cols - 2) : [text]
        if lines.count >= 2, row >= 2 {
            g.fill(row: row - 1, style: .plain)
            g.put(row: row - 1, col: 1, text: lines[0], style: style)
            g.put(row: row, col: 1, text: CellWidth.truncate(lines.dropFirst().joined(separator: " "), toCells: g.cols - 2), style: style)
        } else {
            g.put(row: row, col: 1, text: CellWidth.truncate(text, toCells: g.cols - 2), style: style)
        }
    }

    // MARK: - Key bar

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
