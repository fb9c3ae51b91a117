import Foundation

/// The report for a spreadsheet: every column of the template on one line per field or
/// procedure, then the queue's figures; UTF-8 with a byte-order mark and CRLF line ends, as the
/// register (`RegisterCSV`), so Excel opens the Vietnamese right.
public enum ReportCSV {
    public static func render(_ report: Report, grouping: ReportGrouping = .field, language lang: Language) -> String {
        RegisterCSV.byteOrderMark + CSV.write(rows(report, grouping: grouping, language: lang), lineEnding: "\r\n")
    }

    public static func rows(_ report: Report, grouping: ReportGrouping, language lang: Language) -> [[String]] {
        let vi = lang == .vi
        let p = report.period
        var rows: [[String]] = [[vi ? "Báo cáo" : "Report", p.title.text(lang), vi ? p.start.vietnamese : p.start.iso,
                                 vi ? p.end.vietnamese : p.end.iso,
                                 (vi ? "Số liệu đến " : "Figures to ") + (vi ? report.asOf.vietnamese : report.asOf.iso)], []]
        let columns = ReportColumn.receivedBlock + ReportColumn.resolvedBlock + ReportColumn.openBlock
        rows.append([vi ? "Lĩnh vực" : "Field", vi ? "Mã thủ tục" : "Procedure code", vi ? "Tên thủ tục" : "Procedure"]
                    + columns.map { $0.long.text(lang) })
        let lines = grouping == .field ? report.byField : report.byProcedure
        for l in lines {
            let id = grouping == .field ? [ReportText.fieldName(l.field, lang), "", ""] : [ReportText.fieldName(l.field, lang), l.key, l.name]
            rows.append(id + columns.map { $0.text(l.counts, lang, percentSign: false) })
        }
        rows.append([vi ? "Tổng cộng" : "Total", "", ""] + columns.map { $0.text(report.total, lang, percentSign: false) })
        let q = report.queue, a = q.appointments
        rows.append([])
        rows.append([vi ? "Hàng chờ" : "Queue", vi ? "Giá trị" : "Value"])
        let figures: [(String, String, String)] = [
            ("Lượt khách vãng lai", "Walk-ins", String(q.walkIns)),
            ("Đã gọi", "Called", String(q.called)),
            ("Vắng mặt", "No-shows", String(q.noShows)),
            ("Tỷ lệ vắng mặt (%)", "No-show rate (%)", ReportFormat.percent(q.noShowRate, lang, sign: false)),
            ("Thời gian chờ trung vị (phút)", "Median wait (min)", q.waitMedian.map(String.init) ?? ""),
            ("Thời gian chờ 90% (phút)", "90th percentile wait (min)", q.waitP90.map(String.init) ?? ""),
            ("Lịch hẹn đã đặt", "Appointments booked", String(a.booked)),
            ("Lịch hẹn: đã đến", "Appointments: came", String(a.came)),
            ("Lịch hẹn: không đến", "Appointments: no-shows", String(a.noShows)),
            ("Lịch hẹn: chưa đến", "Appointments: to come", String(a.open)),
            ("Lịch hẹn: đã huỷ", "Appointments: cancelled", String(a.cancelled)),
            ("Tỷ lệ giữ hẹn (%)", "Appointments kept (%)", ReportFormat.percent(a.keptRate, lang, sign: false)),
        ]
        rows += figures.map { [vi ? $0.0 : $0.1, $0.2] }
        rows.append([])
        rows.append([vi ? "Ngày" : "Day", vi ? "Lượt khách vãng lai" : "Walk-ins"])
        rows += q.perDay.map { [vi ? $0.day.vietnamese : $0.day.iso, String($0.count)] }
        rows.append([])
        rows.append([vi ? "Giờ" : "Hour", vi ? "Lượt khách vãng lai" : "Walk-ins"])
        rows += q.perHour.map { [ReportText.hourLabel($0.hour), String($0.count)] }
        return rows
    }
}
