import MotCuaCore

/// Draws a report in the rows it is given (80×24 leaves 21): the period, the dossier totals in
/// three lines, the fields with their figures and a bar of dossiers received, the queue in two
/// lines, and walk-ins per hour as bars in two columns. What does not fit is said, not cut.
enum ReportsView {
    static func render(_ r: Report, into g: inout CellGrid, top: Int, bottom: Int, language lang: Language,
                       unicode: Bool, dot: String) {
        let vi = lang == .vi
        let width = g.cols - 2
        var row = top
        func line(_ text: String, _ style: CellStyle = .plain) {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: CellWidth.truncate(text, toCells: width), style: style)
            row += 1
        }
        let p = r.period
        let asOf = r.isFuture ? (vi ? " · chưa bắt đầu" : " · not started")
            : r.asOf < p.end ? (vi ? " · đến \(short(r.asOf))" : " · to \(short(r.asOf))") : ""
        // "Báo cáo tháng 11/2026"; English keeps the month's capital ("Report: November 2026").
        line((vi ? "Báo cáo " + p.title.vi.lowercased() : "Report: " + p.title.en) + " (\(short(p.start))–\(short(p.end))\(asOf))",
             CellStyle(.bold))
        let t = r.total
        let rate = ReportFormat.percent(t.onTimeRate, lang)
        line(vi ? "Hồ sơ nhận \(t.received): kỳ trước \(t.carriedOver) \(dot) trực tiếp \(t.newDirect) \(dot) trực tuyến \(t.newOnline) \(dot) bưu chính \(t.newByPost)"
                : "Received \(t.received): carried \(t.carriedOver) \(dot) in person \(t.newDirect) \(dot) online \(t.newOnline) \(dot) by post \(t.newByPost)")
        line(vi ? "Đã giải quyết \(t.resolved): trước hạn \(t.early) \(dot) đúng hạn \(t.onTime) \(dot) trễ hạn \(t.late) \(dot) đúng hạn \(rate)"
                : "Resolved \(t.resolved): early \(t.early) \(dot) on time \(t.onTime) \(dot) late \(t.late) \(dot) on time \(rate)")
        line(vi ? "Đang giải quyết \(t.inProgress): trong hạn \(t.withinTime) \(dot) quá hạn \(t.overdue)"
                : "In progress \(t.inProgress): within time \(t.withinTime) \(dot) overdue \(t.overdue)",
             t.overdue > 0 ? CellStyle(.bold, role: .warning) : .plain)
        // Withdrawn and rejected dossiers are closed, not in progress: a line of their own, so
        // they cannot be read as parts of the figure above.
        line(vi ? "Dừng giải quyết: rút \(t.withdrawn) \(dot) từ chối \(t.rejected)"
                : "Stopped: withdrawn \(t.withdrawn) \(dot) rejected \(t.rejected)")
        row += 1

        // The rows left are shared: the hours' bars (two to a row) first, then the fields.
        let hours = r.queue.perHour
        let hourRows = (hours.count + 1) / 2
        let fixedBelow = 1 + 2 + (hours.isEmpty ? 0 : 1 + hourRows)
        let fieldRoom = max(1, bottom - row - 1 - fixedBelow)
        fieldTable(r, into: &g, row: &row, room: fieldRoom, bottom: bottom, language: lang, unicode: unicode)
        row += 1
        for s in queueSummary(r.queue, lang, dot) { line(s) }
        guard !hours.isEmpty, row < bottom else { return }
        line(vi ? "Lượt khách vãng lai theo giờ" : "Walk-ins by hour", CellStyle(.bold))
        let most = hours.map(\.count).max() ?? 0
        let half = g.cols / 2
        for (i, h) in hours.enumerated() {
            let r0 = row + i / 2
            guard r0 < bottom else { break }
            let col = i % 2 == 0 ? 1 : half + 1
            let count = String(h.count)
            let barWidth = half - 2 - 6 - CellWidth.of(count) - 2
            g.put(row: r0, col: col, text: ReportText.hourLabel(h.hour))
            let end = g.put(row: r0, col: col + 6, text: BarChart.bar(h.count, maximum: most, width: barWidth, unicode: unicode))
            g.put(row: r0, col: end + 1, text: count)
        }
    }

    /// One row per field: received, resolved, overdue, the on-time rate, and a bar of received.
    private static func fieldTable(_ r: Report, into g: inout CellGrid, row: inout Int, room: Int, bottom: Int,
                                   language lang: Language, unicode: Bool) {
        let vi = lang == .vi
        guard row < bottom else { return }
        if r.byField.isEmpty {
            g.put(row: row, col: 1, text: vi ? "Không có hồ sơ nào trong kỳ." : "No dossiers in the period.")
            row += 1
            return
        }
        let nameWidth = 18
        let heads = vi ? ["Nhận", "Đã GQ", "Quá hạn", "Đúng hạn"] : ["Recv", "Done", "Overdue", "On time"]
        let widths = heads.map { max(5, CellWidth.of($0)) }
        func cells(_ values: [String], name: String, style: CellStyle) -> Int {
            var col = g.put(row: row, col: 1, text: CellWidth.fit(name, toCells: nameWidth), style: style)
            for (i, v) in values.enumerated() { col = g.put(row: row, col: col + 1, text: CellWidth.padLeft(v, toCells: widths[i]), style: style) }
            return col
        }
        let barCol = cells(heads, name: vi ? "Lĩnh vực" : "Field", style: CellStyle(.bold)) + 2
        g.put(row: row, col: barCol, text: vi ? "Hồ sơ nhận" : "Received", style: CellStyle(.bold))
        row += 1
        // The busiest fields first when they do not all fit; the rest are counted on one line.
        var lines = r.byField
        let fits = lines.count <= room
        if !fits { lines = Array(lines.sorted { $0.counts.received > $1.counts.received }.prefix(max(0, room - 1))) }
        let most = r.byField.map(\.counts.received).max() ?? 0
        for l in lines where row < bottom {
            let c = l.counts
            let end = cells([String(c.received), String(c.resolved), String(c.overdue), ReportFormat.percent(c.onTimeRate, lang)],
                            name: ReportText.fieldName(l.name, lang), style: c.overdue > 0 ? CellStyle(.bold) : .plain)
            g.put(row: row, col: end + 2, text: BarChart.bar(c.received, maximum: most, width: g.cols - end - 3, unicode: unicode))
            row += 1
        }
        if !fits, row < bottom {
            let more = r.byField.count - lines.count
            g.put(row: row, col: 1, text: vi ? "… và \(more) lĩnh vực khác (motcua report để xem đủ)" : "… and \(more) more fields (motcua report shows all)",
                  style: CellStyle(.dim, role: .muted))
            row += 1
        }
    }

    private static func queueSummary(_ q: QueueStatistics, _ lang: Language, _ dot: String) -> [String] {
        let a = q.appointments
        let noShow = ReportFormat.percent(q.noShowRate, lang), kept = ReportFormat.percent(a.keptRate, lang)
        let median = ReportFormat.minutes(q.waitMedian, lang), p90 = ReportFormat.minutes(q.waitP90, lang)
        return lang == .vi
            ? ["Vãng lai \(q.walkIns) lượt \(dot) chờ trung vị \(median) \(dot) 90% không quá \(p90) \(dot) vắng \(noShow)",
               "Lịch hẹn \(a.booked): đến \(a.came) \(dot) không đến \(a.noShows) \(dot) chưa đến \(a.open) \(dot) huỷ \(a.cancelled) \(dot) giữ hẹn \(kept)"]
            : ["Walk-ins \(q.walkIns) \(dot) median wait \(median) \(dot) 90% within \(p90) \(dot) no-shows \(noShow)",
               "Appointments \(a.booked): came \(a.came) \(dot) no-show \(a.noShows) \(dot) to come \(a.open) \(dot) cancelled \(a.cancelled) \(dot) kept \(kept)"]
    }

    /// `01/11`.
    static func short(_ d: LocalDate) -> String { String(d.vietnamese.prefix(5)) }
}
