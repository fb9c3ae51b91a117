import Testing
@testable import MotCuaCore

/// The yearly notices entered in holidays-vn.txt for 2015, 2016, 2018, Quốc khánh 2022 and
/// 30/4–1/5 2024, day by day, as the working calendar gives them: a wrong, missing or extra line
/// for one of these notices fails here.
@Suite("Announced days off and make-up days, 2015–2024")
struct AnnouncedYearsTests {
    struct Notice: Sendable, CustomTestStringConvertible {
        /// The source column of the notice's lines, exactly.
        let source: String
        /// Weekdays off by the notice (`off`, `tet` and `national-day` lines).
        let off: [String]
        /// Make-up Saturdays (`work` lines).
        let work: [String]
        /// Weekdays of the same break that the law itself gives off (no line needed).
        let statutory: [String]
        /// Weekdays just outside the break, or a default Tết day the notice does not give: working.
        let working: [String]
        var testDescription: String { source }
    }

    static let notices: [Notice] = [
        // Tết Dương lịch: 27/12/2014 for 02/01; Tết Ất Mùi 15/02–23/02 with 14/02 for 16/02 (the
        // default would also give Tuesday 24/02); Giỗ Tổ, 30/4–1/5: 25/4 for 29/4.
        Notice(source: "Thông báo của Bộ LĐTBXH về nghỉ lễ, tết năm 2015 (số hiệu chưa tìm được)",
               off: ["2015-01-02", "2015-02-16", "2015-02-17", "2015-02-18", "2015-02-19", "2015-02-20",
                     "2015-02-23", "2015-04-29"],
               work: ["2014-12-27", "2015-02-14", "2015-04-25"],
               statutory: ["2015-01-01", "2015-04-28", "2015-04-30", "2015-05-01"],
               working: ["2014-12-31", "2015-01-05", "2015-02-13", "2015-02-24", "2015-04-27", "2015-05-04",
                         "2015-09-01", "2015-09-03"]),
        // Tết Bính Thân 06/02–14/02/2016, no swap.
        Notice(source: "Thông báo 4659/TB-LĐTBXH",
               off: ["2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11", "2016-02-12"],
               work: [], statutory: [],
               working: ["2016-02-05", "2016-02-15"]),
        // Tết Mậu Tuất 14/02–20/02/2018; Quốc khánh 02/9 with nghỉ bù Monday 03/9 (the law's).
        Notice(source: "Thông báo 573/TB-VPCP",
               off: ["2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20"],
               work: [], statutory: ["2018-09-03"],
               working: ["2018-02-13", "2018-02-21", "2018-08-31", "2018-09-04"]),
        // Tết Nhâm Dần 31/01–04/02/2022 and Quốc khánh Thursday 01/9 – Friday 02/9/2022.
        Notice(source: "Công văn 245/VPCP-KGVX",
               off: ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04", "2022-09-01"],
               work: [], statutory: ["2022-09-02"],
               working: ["2022-01-28", "2022-02-07", "2022-08-31", "2022-09-05"]),
        // 30/4–1/5/2024: Monday 29/4 off, Saturday 04/5 worked.
        Notice(source: "Công văn 2450/VPCP-KGVX",
               off: ["2024-04-29"], work: ["2024-05-04"], statutory: ["2024-04-30", "2024-05-01"],
               working: ["2024-04-26", "2024-05-02", "2024-05-03"]),
    ]

    let calendar = WorkingCalendar()

    private func day(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }
    /// Bound first so that a failure prints the day, not the whole calendar.
    private func working(_ iso: String) throws -> Bool { calendar.isWorkingDay(try day(iso)) }

    @Test("each notice's days as the calendar gives them", arguments: notices)
    func notice(_ n: Notice) throws {
        // The file holds exactly these lines for the notice, no more.
        let lines = CalendarAnnouncements.builtIn.entries.filter { $0.source == n.source }
        #expect(lines.map(\.date.iso) == (n.off + n.work).sorted())
        for iso in n.off {
            let d = try day(iso)
            #expect(!d.isWeekend, "\(iso) is a weekday")
            let isWorking = try working(iso)
            #expect(!isWorking, "\(iso) is off")
            let found = calendar.day(d)
            let status = try #require(found, "\(iso)")
            #expect(!status.isProvisional, "\(iso) is announced, not a default")
            #expect(status.source.hasPrefix(n.source), "\(iso): \(status.source)")
        }
        for iso in n.work {
            let d = try day(iso)
            #expect(d.isoWeekday == 6, "\(iso) is a Saturday")
            let isWorking = try working(iso)
            #expect(isWorking, "\(iso) is worked")
            let kind = calendar.day(d)?.kind
            #expect(kind == .makeUpWorkday, "\(iso)")
        }
        for iso in n.statutory {
            let isWorking = try working(iso)
            let provisional = calendar.day(try day(iso))?.isProvisional
            #expect(!isWorking, "\(iso) is off by law")
            #expect(provisional == false, "\(iso)")
        }
        for iso in n.working {
            let isWorking = try working(iso)
            #expect(isWorking, "\(iso) is a working day")
        }
    }

    /// With its notice entered, no day of these years is provisional any more.
    @Test("nothing provisional left", arguments: [2015, 2016, 2018, 2022, 2024])
    func noProvisionalDays(year: Int) {
        let provisional = calendar.holidays(year: year).filter(\.isProvisional).map(\.date.iso)
        #expect(provisional == [])
    }

    /// Received Friday 13/02/2015 with 3 working days: 14/02 is worked (1), then off through
    /// Monday 23/02; Tuesday 24 (2), Wednesday 25 (3).
    @Test func dueDateAcrossTet2015() throws {
        let at = try #require(LocalDateTime(parsing: "2015-02-13 09:00"))
        let due = calendar.due(receivedAt: at, workingDays: 3, cutoffMinuteOfDay: nil)
        #expect(due.date == (try day("2015-02-25")))
        #expect(!due.isProvisional)
    }

    /// 2015, 2016 and 2018 hold no make-up Saturday other than the entered ones (27/12/2014 is
    /// listed under 2014); 2016's other
    /// holidays all touch a weekend and are only nghỉ bù by the law (4659/TB-LĐTBXH: no swap).
    @Test func noOtherSwaps() {
        let makeUp = [2015, 2016, 2018].flatMap { calendar.holidays(year: $0) }
            .filter { $0.kind == .makeUpWorkday }.map(\.date.iso)
        #expect(makeUp == ["2015-02-14", "2015-04-25"])
        let off2016 = calendar.holidays(year: 2016).filter { !$0.isWorkingDay && $0.kind == .dayOff }
        #expect(off2016.isEmpty)
    }
}
