package com.example.kefu.parcels.internal;

import java.util.regex.Pattern;

/**
 * A parcel carrier and the shape of its tracking numbers. The shapes are the public formats printed on waybills;
 * where two carriers share a shape, the more specific one is listed first.
 */
enum Carrier {
    SF_EXPRESS("SF Express", "顺丰速运", "SF\\d{12,13}", "https://www.sf-express.com/chn/sc/waybill/waybill-detail/"),
    JD_LOGISTICS("JD Logistics", "京东物流", "JD[A-Z0-9]{11,13}", "https://www.jdl.com/orderSearch/?waybillCodes="),
    CHINA_POST_EMS("China Post EMS", "中国邮政 EMS", "E[A-Z]\\d{9}CN", "https://www.ems.com.cn/queryList?mailNum="),
    YTO("YTO Express", "圆通速递", "YT\\d{13}", "https://www.yto.net.cn/#/?mailNo="),
    ZTO("ZTO Express", "中通快递", "7\\d{11}|7\\d{13}", "https://www.zto.com/?num="),
    UPS("UPS", "UPS", "1Z[A-Z0-9]{16}", "https://www.ups.com/track?tracknum="),
    DHL("DHL Express", "DHL", "\\d{10}", "https://www.dhl.com/global-en/home/tracking.html?tracking-id=");

    private final String name;
    private final String chineseName;
    private final Pattern pattern;
    private final String trackingUrl;

    Carrier(String name, String chineseName, String pattern, String trackingUrl) {
        this.name = name;
        this.chineseName = chineseName;
        this.pattern = Pattern.compile(pattern);
        this.trackingUrl = trackingUrl;
    }

    String displayName() {
        return name;
    }

    String chineseName() {
        return chineseName;
    }

    boolean matches(String trackingNumber) {
        return pattern.matcher(trackingNumber).matches();
    }

    String trackingUrl(String trackingNumber) {
        return trackingUrl + trackingNumber;
    }
}
