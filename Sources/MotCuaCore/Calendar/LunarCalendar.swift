import Foundation

/// A day of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// True in the intercalary month (tháng nhuận), which repeats the number of the month before it.
    public let isLeapMonth: Bool

    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year; self.month = month; self.day = day; self.isLeapMonth = isLeapMonth
    }

    /// `10/3 Bính Ngọ`, `5/4 nhuận Giáp Thìn`.
    public var description: String {
        "\(day)/\(month)\(isLeapMonth ? " nhuận" : "") \(LunarCalendar.yearName(year))"
    }
}

/// The Vietnamese lunar calendar, computed with Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam",
/// https://www.informatik.uni-leipzig.de/~duc/amlich/): astronomical new moons and the sun's
/// longitude (after Meeus, "Astronomical Algorithms"), with the day of a new moon taken in
/// Vietnam's time zone.
///
/// The time zone is why the Vietnamese calendar is not the Chinese one (UTC+8): a new moon
/// between 16:00 and 17:00 UTC starts the month a day earlier in Vietnam, which moved Tết 1968
/// (29/1 vs 30/1) and 2007 (17/2 vs 18/2). The winter solstice of 1984 (16:23 UTC) fell on
/// 21/12 in Vietnam but on 22/12 in China, the first day of a new month there, so month 11 and
/// everything after it, Tết 1985 included, came a month earlier in Vietnam (21/1 vs 20/2).
///
/// Checked month by month against the author's published tables (amlich-hnd.js, 1900–2199):
/// identical for 1968–2053; the 13 of 3,711 months that differ all begin with a new moon within
/// minutes of local midnight (or, for Tết 1925, a historical irregularity), where the simplified
/// series is not precise enough and, in the future, the Earth's rotation is not yet known.
public enum LunarCalendar {
    /// Hours east of UTC that define the calendar day of a new moon: UTC+7 from lunar year 1968
    /// (North Vietnam adopted its own meridian in 1967; Tết Mậu Thân fell on 29/1/1968 in the
    /// North and 30/1 in the South), UTC+8, the Chinese calendar Vietnam followed, before.
    /// Hồ Ngọc Đức's published tables make the same switch; with UTC+7 throughout, about thirty
    /// months of 1900–1967 would start a day early and differ from the calendars printed then.
    static func timeZone(lunarYear: Int) -> Double { lunarYear < switchYear ? 8 : 7 }
    static let switchYear = 1968

    public static func lunarDate(for date: LocalDate) -> LunarDate {
        let modern = Astronomy(timeZone: 7).lunarDate(dayNumber: date.julianDay, year: date.year)
        guard modern.year < switchYear else { return modern }
        return Astronomy(timeZone: 8).lunarDate(dayNumber: date.julianDay, year: date.year)
    }

    /// The solar date of a lunar date; nil when it does not exist (no such leap month that year,
    /// day 30 of a 29-day month, month outside 1…12).
    public static func solarDate(lunarYear: Int, month: Int, day: Int, isLeapMonth: Bool = false) -> LocalDate? {
        guard (1...12).contains(month), (1...30).contains(day) else { return nil }
        let astro = Astronomy(timeZone: timeZone(lunarYear: lunarYear))
        guard let (start, length) = astro.monthStart(lunarYear: lunarYear, month: month, isLeapMonth: isLeapMonth),
              day <= length else { return nil }
        let d = LocalDate(julianDay: start + day - 1)
        // At the switch, Tết 1968 under UTC+7 cuts the last month of 1967 (UTC+8) short.
        guard lunarYear == switchYear - 1, month == 12 else { return d }
        return lunarDate(for: d).year == lunarYear ? d : nil
    }

    /// Mùng 1 Tết of a lunar year (the lunar year that begins in that Gregorian year).
    public static func newYear(_ lunarYear: Int) -> LocalDate {
        LocalDate(julianDay: Astronomy(timeZone: timeZone(lunarYear: lunarYear)).newYearDay(lunarYear))
    }

    /// Can Chi name of a lunar year, e.g. 2026 → `Bính Ngọ`.
    public static func yearName(_ lunarYear: Int) -> String {
        let can = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
        let chi = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
        return "\(can[mod(lunarYear + 6, 10)]) \(chi[mod(lunarYear + 8, 12)])"
    }

    /// `29 tháng Chạp`, `mùng 4 tháng Giêng`: how announcements name the days of Tết.
    public static func dayName(_ d: LunarDate) -> String {
        let dayText = d.day <= 10 ? "mùng \(d.day)" : "\(d.day)"
        let monthText: String
        switch d.month {
        case 1: monthText = "tháng Giêng"
        case 12: monthText = "tháng Chạp"
        default: monthText = "tháng \(d.month)"
        }
        return "\(dayText) \(monthText)\(d.isLeapMonth ? " nhuận" : "")"
    }

    private static func mod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }
}

/// Hồ Ngọc Đức's computation (after Meeus, "Astronomical Algorithms") for one time zone.
/// Day numbers are Julian day numbers of local civil days.
private struct Astronomy {
    let timeZone: Double
    static let synodicMonth = 29.530588853

    /// Lunar date of local day `dayNumber`, which lies in Gregorian year `year`.
    func lunarDate(dayNumber: Int, year: Int) -> LunarDate {
        var k = floorInt((Double(dayNumber) - 2415021.076998695) / Self.synodicMonth)
        var monthStart = newMoonDay(k + 1)
        // The mean-month estimate of k can be one too high when a new moon falls just after
        // local midnight (e.g. 7/5/2054); the published code then answered day 0.
        while monthStart > dayNumber { monthStart = newMoonDay(k); k -= 1 }
        var a11 = lunarMonth11(year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = year
            a11 = lunarMonth11(year - 1)
        } else {
            lunarYear = year + 1
            b11 = lunarMonth11(year + 1)
        }
        let day = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var month = diff + 11
        if b11 - a11 > 365 {
            // A leap year has 13 months between the two 11th months; the first month without a
            // major solar term (trung khí) is the leap one and repeats the previous number.
            let leapDiff = leapMonthOffset(a11)
            if diff >= leapDiff {
                month = diff + 10
                if diff == leapDiff { isLeap = true }
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(year: lunarYear, month: month, day: day, isLeapMonth: isLeap)
    }

    /// First local day and length (29 or 30) of a lunar month; nil for a leap month that the
    /// year does not have.
    func monthStart(lunarYear: Int, month: Int, isLeapMonth: Bool) -> (Int, Int)? {
        let a11: Int, b11: Int
        if month < 11 {
            a11 = lunarMonth11(lunarYear - 1); b11 = lunarMonth11(lunarYear)
        } else {
            a11 = lunarMonth11(lunarYear); b11 = lunarMonth11(lunarYear + 1)
        }
        let k = floorInt(0.5 + (Double(a11) - 2415021.076998695) / Self.synodicMonth)
        var off = month - 11
        if off < 0 { off += 12 }
        if b11 - a11 > 365 {
            let leapOff = leapMonthOffset(a11)
            // Position p after month 11 holds month ((p + 10) mod 12) + 1; the leap month
            // repeats the number at position leapOff − 1. (The published JavaScript computes
            // `leapOff − 2`, which names a leap 12th month 0 and so could never convert it.)
            let leapMonth = (leapOff + 9) % 12 + 1
            if isLeapMonth && month != leapMonth { return nil }
            if isLeapMonth || off >= leapOff { off += 1 }
        } else if isLeapMonth {
            return nil
        }
        let start = newMoonDay(k + off)
        return (start, newMoonDay(k + off + 1) - start)
    }

    /// First day of month 1: the third month after month 11, or the fourth when month 11 or 12
    /// is followed by a leap month. (Same as `monthStart(…, month: 1, …)`, without an optional.)
    func newYearDay(_ lunarYear: Int) -> Int {
        let a11 = lunarMonth11(lunarYear - 1), b11 = lunarMonth11(lunarYear)
        let k = floorInt(0.5 + (Double(a11) - 2415021.076998695) / Self.synodicMonth)
        let leapBefore = b11 - a11 > 365 && leapMonthOffset(a11) <= 2
        return newMoonDay(k + (leapBefore ? 3 : 2))
    }

    /// Julian day (with fraction, UT) of the k-th new moon after 1900-01-01.
    private func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3       // sun's mean anomaly
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3    // moon's mean anomaly
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3       // moon's argument of latitude
        // Periodic corrections, term by term as published (each sign belongs to its own term).
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// Local day number (in this time zone) on which the k-th new moon falls.
    private func newMoonDay(_ k: Int) -> Int {
        floorInt(newMoon(k) + 0.5 + timeZone / 24)
    }

    /// Sun's apparent longitude in radians, normalised to [0, 2π), at Julian day `jdn` (UT).
    private func sunLongitude(_ jdn: Double) -> Double {
        let t = (jdn - 2451545.0) / 36525, t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= 2 * Double.pi * floor(l / (2 * Double.pi))
        return l
    }

    /// Which of the 12 major solar-term sectors (0…11, 30° each) the sun is in at the start of
    /// the local day `dayNumber`.
    private func sunSector(_ dayNumber: Int) -> Int {
        floorInt(sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6)
    }

    /// Day number of the start of lunar month 11 (the month containing the winter solstice)
    /// of Gregorian year `year`.
    private func lunarMonth11(_ year: Int) -> Int {
        let off = julianDay(year: year, month: 12, day: 31) - 2415021
        let k = floorInt(Double(off) / Self.synodicMonth)
        let nm = newMoonDay(k)
        // Sector ≥ 9 means the sun already passed 270° (the solstice) when this month began,
        // so the solstice month is the previous one.
        return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm
    }

    /// Position (1…13) after month 11 of the leap month in a 13-month year starting at `a11`.
    private func leapMonthOffset(_ a11: Int) -> Int {
        let k = floorInt((Double(a11) - 2415021.076998695) / Self.synodicMonth + 0.5)
        var i = 1
        var arc = sunSector(newMoonDay(k + i))
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = sunSector(newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }

    /// Gregorian Julian day number without going through `LocalDate`, whose initialiser refuses
    /// years outside 1…9999 (this is only called for year ± 1 of a valid date).
    private func julianDay(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    private func floorInt(_ x: Double) -> Int { Int(floor(x)) }
}
