import Foundation
import PropertyBased
import Testing
@testable import MotCuaCore

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("0912345678", "0912345678"), ("0912 345 678", "0912345678"), ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"), ("+84 912 345 678", "0912345678"), ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"), ("0084 912 345 678", "0912345678"), ("+84 (0) 912 345 678", "0912345678"),
        ("0359 123 456", "0359123456"), ("0567123456", "0567123456"), ("0701234567", "0701234567"),
        ("0862 123 456", "0862123456"),
    ])
    func acceptsMobile(_ raw: String, _ digits: String) throws {
        let p = try PhoneNumber(parsing: raw)
        #expect(p.digits == digits)
        #expect(p.kind == .mobile)
    }

    @Test(arguments: [
        ("024 3825 1234", "02438251234", "024 3825 1234"), ("(028) 3822-1234", "02838221234", "028 3822 1234"),
        ("0236 382 1234", "02363821234", "0236 382 1234"), ("+84 236 382 1234", "02363821234", "0236 382 1234"),
    ])
    func acceptsLandline(_ raw: String, _ digits: String, _ formatted: String) throws {
        let p = try PhoneNumber.parse(raw)
        #expect(p.digits == digits)
        #expect(p.kind == .landline)
        #expect(p.formatted == formatted)
    }

    @Test func formatsMobile() throws {
        let p = try PhoneNumber(parsing: "+84912345678")
        #expect(p.formatted == "0912 345 678")
        #expect(p.international == "+84912345678")
    }

    private func problem(_ raw: String) -> FieldError? {
        do { _ = try PhoneNumber(parsing: raw); return nil } catch { return error }
    }

    @Test func nineDigitsRefused() throws {
        let e = try #require(problem("091234567"))
        #expect(e.field == "phone")
        #expect(e.problem.vi.contains("phải có 10 số (di động) hoặc 11 số (cố định)"))
        #expect(e.problem.en.contains("10 digits"))
    }

    @Test(arguments: ["", "0912a45678", "+1 212 555 0100", "0112345678", "0612345678", "01234567890",
                      "0243825123", "091234567890", "1912345678"])
    func refuses(_ raw: String) {
        #expect(problem(raw) != nil, "accepted \(raw)")
    }

    @Test func oldElevenDigitMobileExplainsConversion() throws {
        let e = try #require(problem("01634567890"))
        #expect(e.problem.vi.contains("2018"))
    }

    /// Any 10-digit number with a mobile prefix parses, in every written form, to the same digits.
    @Test func everyMobileFormParses() async {
        let prefix = Gen.element(of: ["03", "05", "07", "08", "09"])
        let rest = Gen.number.string(of: 8)
        await propertyCheck(input: prefix, rest) { p, r in
            let digits = (p ?? "09") + r
            let spaced = "+84 " + digits.dropFirst().prefix(3) + " " + digits.dropFirst(4).prefix(3) + " " + digits.suffix(3)
            for form in [digits, spaced, "84" + digits.dropFirst()] {
                #expect((try? PhoneNumber(parsing: form))?.digits == digits, "\(form)")
            }
            #expect((try? PhoneNumber(parsing: String(digits.dropLast()))) == nil)
        }
    }
}
