@testable import AWSWire
import Foundation
import Testing

@Suite("REST binding primitives")
struct HTTPBindingPrimitivesTests {
    @Test(arguments: [
        (1398796238.0, "Tue, 29 Apr 2014 18:30:38 GMT"),
        (0.0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (951782400.0, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (-1.0, "Wed, 31 Dec 1969 23:59:59 GMT"),
    ])
    func httpDateRoundTrips(seconds: Double, text: String) {
        #expect(Timestamp.httpDate(seconds) == text)
        #expect(Timestamp.parseHTTPDate(text) == seconds)
    }

    @Test func parsesEveryTimestampForm() {
        #expect(Timestamp.parseAny("1576540098") == 1576540098)
        #expect(Timestamp.parseAny("1576540098.5") == 1576540098.5)
        #expect(Timestamp.parseAny("2019-12-16T23:48:18Z") == 1576540098)
        #expect(Timestamp.parseAny("Mon, 16 Dec 2019 23:48:18 GMT") == 1576540098)
        #expect(Timestamp.parseAny("Monday, 16-Dec-19 23:48:18 GMT") == 1576540098)
        #expect(Timestamp.parseAny("Mon Dec 16 23:48:18 2019") == 1576540098)
        #expect(Timestamp.parseAny("not a date") == nil)
    }

    @Test func formatsTimestampsByTrait() {
        #expect(Timestamp.format(1576540098, nil, default: "rfc822") == "Mon, 16 Dec 2019 23:48:18 GMT")
        #expect(Timestamp.format(1576540098, "iso8601", default: "rfc822") == "2019-12-16T23:48:18Z")
        #expect(Timestamp.format(1576540098.123, "unixTimestamp", default: "iso8601") == "1576540098.123")
    }

    @Test func splitsHeaderLists() {
        #expect(HTTPBindings.splitHeaderList("a, b,c", timestamps: false) == ["a", "b", "c"])
        #expect(HTTPBindings.splitHeaderList(#""b,c", "\"def\"", a"#, timestamps: false) == ["b,c", "\"def\"", "a"])
        #expect(HTTPBindings.splitHeaderList(#"" a ", b"#, timestamps: false) == [" a ", "b"])
        #expect(HTTPBindings.splitHeaderList("Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT", timestamps: true)
            == ["Mon, 16 Dec 2019 23:48:18 GMT", "Mon, 16 Dec 2019 23:48:18 GMT"])
    }
}
