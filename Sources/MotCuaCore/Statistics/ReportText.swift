import Foundation

/// How dossier lines are grouped: by field (the template's rows) or by procedure.
public enum ReportGrouping: String, Hashable, Sendable, CaseIterable {
    case field, procedure

    public static func parse(_ raw: String) throws -> ReportGrouping {
        if let g = ReportGrouping(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) { return g }
        throw FieldError(field: "by", label: Localized(vi: "--by", en: "--by"),
                         problem: Localized(vi: "'\(raw)' không hợp lệ; chọn field (lĩnh vực) hoặc procedure (thủ tục)",
                                            en: "'\(raw)' is not valid; choose field or procedure"))
    }
}

/// The report as aligned text no wider than 80 columns (widths in terminal cells): the period,
/// the dossier figures in three tables (received; resolved; in progress, withdrawn, rejected),
/// then the queue.
public enum ReportText {
    public static func render(_ report: Report, grouping: ReportGrouping = .field, language lang: Language, width: Int = 80) -> String {
        var out = header(report, lang)
        out.append("")
        let lines = grouping == .field ? report.byField : report.byProcedure
        let what = grouping == .field ? Localized(vi: "Lĩnh vực", en: "Field") : Localized(vi: "Thủ tục", en: "Procedure")
        if lines.isEmpty {
            out.append(lang == .vi ? "Không có hồ sơ nào trong kỳ." : "No dossiers in the period.")
        } else {
            let names = lines.map { grouping == .field ? fieldName($0.name, lang) : "\($0.key) \($0.name)" }
            let tables = [ReportColumn.receivedBlock, ReportColumn.resolvedBlock, ReportColumn.openBlock].map { block in
                (block, block.map { $0.short.text(lang) },
                 zip(names, lines).map { name, line in (name, block.map { $0.text(line.counts, lang) }) }
                    + [(lang == .vi ? "Tổng cộng" : "Total", block.map { $0.text(report.total, lang) })])
            }
            // One first column for the three tables (the narrowest room any of them leaves), so
            // a name is cut the same way in each and the tables line up.
            let nameWidth = tables.map { firstColumnWidth(first: what.text(lang), headings: $0.1, rows: $0.2, width: width) }.min()
            for (block, headings, rows) in tables {
                out.append((lang == .vi ? "HỒ SƠ — " : "DOSSIERS — ") + ReportColumn.title(of: block).text(lang).uppercased())
                out += table(first: what.text(lang), headings: headings, rows: rows, width: width, nameWidth: nameWidth)
                out.append("")
            }
        }
        out += queueLines(report.queue, lang)
        return out.joined(separator: "\n")
    }

    /// `Tháng 11/2026 (01/11/2026–30/11/2026), số liệu đến hết 25/11/2026`.
    public static func header(_ report: Report, _ lang: Language) -> [String] {
        let p = report.period
        var lines = [(lang == .vi ? "BÁO CÁO THỐNG KÊ — " : "STATISTICS — ") + p.title.text(lang).uppercased()]
        let span = lang == .vi ? "Từ \(p.start.vietnamese) đến \(p.end.vietnamese)" : "From \(p.start.iso) to \(p.end.iso)"
        if report.isFuture {
            lines.append(span + (lang == .vi ? "; kỳ chưa bắt đầu" : "; the period has not started"))
        } else if report.asOf < p.end {
            lines.append(span + (lang == .vi ? "; số liệu đến hết ngày \(report.asOf.vietnamese)" : "; figures to the end of \(report.asOf.iso)"))
        } else {
            lines.append(span)
        }
        return lines
    }

    /// A dossier without a field (a catalog row that lost it) is shown under a name, not blank.
    public static func fieldName(_ name: String, _ lang: Language) -> String {
        name.isEmpty ? (lang == .vi ? "(chưa rõ lĩnh vực)" : "(no field)") : name
    }

    /// The queue in a few sentences and two small tables (walk-ins per day, per hour).
    public static func queueLines(_ q: QueueStatistics, _ lang: Language) -> [String] {
        var out = [lang == .vi ? "HÀNG CHỜ" : "QUEUE"]
        out += summary(q, lang)
        if !q.perDay.isEmpty {
            out.append("")
            out += table(first: lang == .vi ? "Ngày" : "Day", headings: [lang == .vi ? "Lượt" : "Walk-ins"],
                         rows: q.perDay.map { (lang == .vi ? $0.day.vietnamese : $0.day.iso, [String($0.count)]) }, width: 80)
            out.append("")
            out += table(first: lang == .vi ? "Giờ" : "Hour", headings: [lang == .vi ? "Lượt" : "Walk-ins"],
                         rows: q.perHour.map { (hourLabel($0.hour), [String($0.count)]) }, width: 80)
        }
        return out
    }

    /// The queue's figures as short sentences (also the desk's reports view).
    public static func summary(_ q: QueueStatistics, _ lang: Language) -> [String] {
        let a = q.appointments
        let rate = q.noShowRate.map { " (\(ReportFormat.percent($0, lang)))" } ?? ""
        let kept = a.keptRate.map { lang == .vi ? "; giữ hẹn \(ReportFormat.percent($0, lang))" : "; kept \(ReportFormat.percent($0, lang))" } ?? ""
        if lang == .vi {
            return ["Khách vãng lai: \(q.walkIns) lượt; đã gọi \(q.called); vắng mặt \(q.noShows)\(rate)",
                    "Chờ đến lượt: trung vị \(ReportFormat.minutes(q.waitMedian, lang)); 90% không quá \(ReportFormat.minutes(q.waitP90, lang))",
                    "Lịch hẹn: \(a.booked) đã đặt; đến \(a.came); không đến \(a.noShows); chưa đến \(a.open); huỷ \(a.cancelled)\(kept)"]
        }
        return ["Walk-ins: \(q.walkIns); called \(q.called); no-shows \(q.noShows)\(rate)",
                "Wait to be called: median \(ReportFormat.minutes(q.waitMedian, lang)); 90% within \(ReportFormat.minutes(q.waitP90, lang))",
                "Appointments: \(a.booked) booked; came \(a.came); no-shows \(a.noShows); to come \(a.open); cancelled \(a.cancelled)\(kept)"]
    }

    public static func hourLabel(_ h: Int) -> String { (h < 10 ? "0" : "") + "\(h):00" }

    /// A table: the first column left-aligned and cut to what the width leaves, the figures
    /// right-aligned under their headings, two spaces between columns.
    /// `nameWidth` fixes the first column (tables meant to line up); else it is what fits.
    static func table(first: String, headings: [String], rows: [(String, [String])], width: Int, nameWidth fixed: Int? = nil) -> [String] {
        let cols = figureWidths(headings: headings, rows: rows)
        let nameWidth = fixed ?? firstColumnWidth(first: first, headings: headings, rows: rows, width: width)
        func line(_ name: String, _ cells: [String]) -> String {
            var s = CellWidth.pad(CellWidth.truncate(name, toCells: nameWidth), toCells: nameWidth)
            for (i, c) in cells.enumerated() { s += "  " + CellWidth.padLeft(c, toCells: cols[i]) }
            return s
        }
        return [line(first, headings)] + rows.map { line($0.0, $0.1) }
    }

    static func figureWidths(headings: [String], rows: [(String, [String])]) -> [Int] {
        headings.indices.map { i in ([headings[i]] + rows.map { $0.1[i] }).map(CellWidth.of).max() ?? 0 }
    }

    /// The longest name, but no more than the figures leave of `width` (and at least 8).
    static func firstColumnWidth(first: String, headings: [String], rows: [(String, [String])], width: Int) -> Int {
        let figures = figureWidths(headings: headings, rows: rows).reduce(0) { $0 + $1 + 2 }
        return max(8, min(([first] + rows.map(\.0)).map(CellWidth.of).max() ?? 0, width - figures))
    }
}
