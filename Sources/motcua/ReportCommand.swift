import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

/// `motcua report`: the statistics of a period (Thông tư 01/2020/TT-VPCP's dossier figures by
/// field or procedure, and the queue's), as 80-column text, CSV or JSON. Opens the database
/// read-only: a report writes nothing, and a missing or foreign file is refused, never created.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo thống kê theo kỳ (statistics for a period: dossiers by field or procedure, the queue).",
        discussion: """
            Kỳ (period): --month YYYY-MM | --quarter YYYY-Qn | --year YYYY | --from D [--to D] \
            (D: YYYY-MM-DD hoặc dd/mm/yyyy); mặc định tháng này (default: this month). \
            --csv in CSV (UTF-8 có BOM, CRLF) ra màn hình (to standard output).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Tháng (month), YYYY-MM") var month: String?
    @Option(help: "Quý (quarter), YYYY-Qn") var quarter: String?
    @Option(help: "Năm (year), YYYY") var year: String?
    @Option(help: "Từ ngày (from), YYYY-MM-DD or dd/mm/yyyy") var from: String?
    @Option(help: "Đến ngày, kể cả ngày đó (to, inclusive); default: today") var to: String?
    @Option(help: "Nhóm hồ sơ theo (group dossiers by): field | procedure") var by: String = "field"
    @Flag(help: "In CSV (print CSV: UTF-8 with BOM, CRLF)") var csv = false

    func run() throws {
        try runReporting(global) { lang in
            // Every option is checked before the file is opened: a bad period touches nothing.
            let today = VietnamTime.local(try global.clock().now()).date
            let period = try ReportPeriod.parse(month: month, quarter: quarter, year: year, from: from, to: to, today: today)
            let grouping = try ReportGrouping.parse(by)
            let (calendar, _) = try global.workingCalendar()
            let db = try global.openExistingDatabase(readOnly: true)
            let report = try db.report(period: period, today: today, calendar: calendar)
            if global.json {
                Output.print(Output.json(ReportJSON(report, language: lang)))
            } else if csv {
                // Written as bytes: `print` would add a bare LF after the last CRLF.
                FileHandle.standardOutput.write(Data(ReportCSV.render(report, grouping: grouping, language: lang).utf8))
            } else {
                // Names come from the database: each line made safe for the terminal, line breaks kept.
                let text = ReportText.render(report, grouping: grouping, language: lang)
                Output.print(text.split(separator: "\n", omittingEmptySubsequences: false).map { Output.safe(String($0)) }
                    .joined(separator: "\n"))
            }
        }
    }
}

/// The report as JSON: both groupings, every figure under a stable snake_case key (the
/// `ReportColumn` names), `null` for a rate with nothing to divide.
struct ReportJSON: JSONRow {
    struct Period: JSONRow { let kind: String, start: String, end: String, asOf: String, title: String }
    struct Line: JSONRow {
        let field: String, procedure: String?, name: String
        let received: Int, carriedOver: Int, newOnline: Int, newDirect: Int, newByPost: Int
        let resolved: Int, early: Int, onTime: Int, late: Int, onTimeRate: Double?
        let inProgress: Int, withinTime: Int, overdue: Int, withdrawn: Int, rejected: Int
        init(field: String, procedure: String?, name: String, _ c: DossierCounts) {
            self.field = field; self.procedure = procedure; self.name = name
            received = c.received; carriedOver = c.carriedOver; newOnline = c.newOnline; newDirect = c.newDirect
            newByPost = c.newByPost; resolved = c.resolved; early = c.early; onTime = c.onTime; late = c.late
            onTimeRate = c.onTimeRate.map { ($0 * 1000).rounded() / 1000 }
            inProgress = c.inProgress; withinTime = c.withinTime; overdue = c.overdue; withdrawn = c.withdrawn; rejected = c.rejected
        }
    }
    struct DayCount: JSONRow { let day: String, walkIns: Int }
    struct HourCount: JSONRow { let hour: Int, walkIns: Int }
    struct Appointments: JSONRow { let booked: Int, came: Int, noShows: Int, open: Int, cancelled: Int, keptRate: Double? }
    struct Queue: JSONRow {
        let walkIns: Int, called: Int, noShows: Int, noShowRate: Double?, waitMedianMinutes: Int?, waitP90Minutes: Int?
        let perDay: [DayCount], perHour: [HourCount], appointments: Appointments
    }

    let period: Period, byField: [Line], byProcedure: [Line], total: Line, queue: Queue

    init(_ r: Report, language: Language) {
        func rounded(_ v: Double?) -> Double? { v.map { ($0 * 1000).rounded() / 1000 } }
        // `--lang` changes no JSON value (README): the period is named by its code, the total
        // by the template's Vietnamese words; headings in other languages are for text and CSV.
        period = Period(kind: r.period.kind.rawValue, start: r.period.start.iso, end: r.period.end.iso, asOf: r.asOf.iso,
                        title: r.period.code)
        byField = r.byField.map { Line(field: $0.field, procedure: nil, name: $0.name, $0.counts) }
        byProcedure = r.byProcedure.map { Line(field: $0.field, procedure: $0.key, name: $0.name, $0.counts) }
        total = Line(field: "", procedure: nil, name: "Tổng cộng", r.total)
        let q = r.queue, a = q.appointments
        queue = Queue(walkIns: q.walkIns, called: q.called, noShows: q.noShows, noShowRate: rounded(q.noShowRate),
                      waitMedianMinutes: q.waitMedian, waitP90Minutes: q.waitP90,
                      perDay: q.perDay.map { DayCount(day: $0.day.iso, walkIns: $0.count) },
                      perHour: q.perHour.map { HourCount(hour: $0.hour, walkIns: $0.count) },
                      appointments: Appointments(booked: a.booked, came: a.came, noShows: a.noShows, open: a.open,
                                                 cancelled: a.cancelled, keptRate: rounded(a.keptRate)))
    }
}
