//! nl80211 tables generated from the UAPI header <linux/nl80211.h> by
//! tests/fixtures/genl/gen_nl80211_tables.py: do not edit by hand.

use super::{IesKind, Iftype, U32ArrayKind};
use crate::genl::{ArrayOf, NestedNoFlag};
use crate::nl::RawAttrs;
use crate::nl::attr::kind::*;

crate::genl::named_consts! {
    /// The name of nl80211 command `cmd` (NL80211_CMD_*).
    pub fn cmd_name(u8);
    /// unspecified command to catch errors
    NL80211_CMD_UNSPEC = 0,
    /// request information about a wiphy or dump request to get a list of all present wiphys.
    NL80211_CMD_GET_WIPHY = 1,
    /// set wiphy parameters, needs NL80211_ATTR_WIPHY or NL80211_ATTR_IFINDEX; can be used to set NL80211_ATTR_WIPHY_NAME, NL80211_ATTR_WIPHY_TXQ_PARAMS, NL80211_ATTR_WIPHY_FREQ, ...
    NL80211_CMD_SET_WIPHY = 2,
    /// Newly created wiphy, response to get request or rename notification. Has attributes NL80211_ATTR_WIPHY and NL80211_ATTR_WIPHY_NAME.
    NL80211_CMD_NEW_WIPHY = 3,
    /// Wiphy deleted. Has attributes NL80211_ATTR_WIPHY and NL80211_ATTR_WIPHY_NAME.
    NL80211_CMD_DEL_WIPHY = 4,
    /// Request an interface's configuration; either a dump request for all interfaces or a specific get with a single NL80211_ATTR_IFINDEX is supported.
    NL80211_CMD_GET_INTERFACE = 5,
    /// Set type of a virtual interface, requires NL80211_ATTR_IFINDEX and NL80211_ATTR_IFTYPE.
    NL80211_CMD_SET_INTERFACE = 6,
    /// Newly created virtual interface or response to NL80211_CMD_GET_INTERFACE. Has NL80211_ATTR_IFINDEX, NL80211_ATTR_WIPHY and NL80211_ATTR_IFTYPE attributes. Can also be sent from userspace to request ...
    NL80211_CMD_NEW_INTERFACE = 7,
    /// Virtual interface was deleted, has attributes NL80211_ATTR_IFINDEX and NL80211_ATTR_WIPHY. Can also be sent from userspace to request deletion of a virtual interface, then requires attribute ...
    NL80211_CMD_DEL_INTERFACE = 8,
    /// Get sequence counter information for a key specified by NL80211_ATTR_KEY_IDX and/or NL80211_ATTR_MAC. NL80211_ATTR_MAC represents peer's MLD address for MLO pairwise key. For MLO group key, the link ...
    NL80211_CMD_GET_KEY = 9,
    /// Set key attributes NL80211_ATTR_KEY_DEFAULT, NL80211_ATTR_KEY_DEFAULT_MGMT, or NL80211_ATTR_KEY_THRESHOLD. For MLO connection, the link to set default key is identified by NL80211_ATTR_MLO_LINK_ID.
    NL80211_CMD_SET_KEY = 10,
    /// add a key with given NL80211_ATTR_KEY_DATA, NL80211_ATTR_KEY_IDX, NL80211_ATTR_MAC, NL80211_ATTR_KEY_CIPHER, and NL80211_ATTR_KEY_SEQ attributes. NL80211_ATTR_MAC represents peer's MLD address for ...
    NL80211_CMD_NEW_KEY = 11,
    /// delete a key identified by NL80211_ATTR_KEY_IDX or NL80211_ATTR_MAC. NL80211_ATTR_MAC represents peer's MLD address for MLO pairwise key. The link to delete group key is identified by ...
    NL80211_CMD_DEL_KEY = 12,
    /// (not used)
    NL80211_CMD_GET_BEACON = 13,
    /// change the beacon on an access point interface using the NL80211_ATTR_BEACON_HEAD and NL80211_ATTR_BEACON_TAIL attributes. For drivers that generate the beacon and probe responses internally, the ...
    NL80211_CMD_SET_BEACON = 14,
    /// Start AP operation on an AP interface, parameters are like for NL80211_CMD_SET_BEACON, and additionally parameters that do not change are used, these include NL80211_ATTR_BEACON_INTERVAL, ...
    NL80211_CMD_START_AP = 15,
    /// old alias for NL80211_CMD_START_AP
    NL80211_CMD_NEW_BEACON = 15,
    /// Stop AP operation on the given interface
    NL80211_CMD_STOP_AP = 16,
    /// old alias for NL80211_CMD_STOP_AP
    NL80211_CMD_DEL_BEACON = 16,
    /// Get station attributes for station identified by NL80211_ATTR_MAC on the interface identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_GET_STATION = 17,
    /// Set station attributes for station identified by NL80211_ATTR_MAC on the interface identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_SET_STATION = 18,
    /// Add a station with given attributes to the interface identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_NEW_STATION = 19,
    /// Remove a station identified by NL80211_ATTR_MAC or, if no MAC address given, all stations, on the interface identified by NL80211_ATTR_IFINDEX. NL80211_ATTR_MGMT_SUBTYPE and NL80211_ATTR_REASON_CODE ...
    NL80211_CMD_DEL_STATION = 20,
    /// Get mesh path attributes for mesh path to destination NL80211_ATTR_MAC on the interface identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_GET_MPATH = 21,
    /// Set mesh path attributes for mesh path to destination NL80211_ATTR_MAC on the interface identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_SET_MPATH = 22,
    /// Create a new mesh path for the destination given by NL80211_ATTR_MAC via NL80211_ATTR_MPATH_NEXT_HOP.
    NL80211_CMD_NEW_MPATH = 23,
    /// Delete a mesh path to the destination given by NL80211_ATTR_MAC.
    NL80211_CMD_DEL_MPATH = 24,
    /// Set BSS attributes for BSS identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_SET_BSS = 25,
    /// Set current regulatory domain. CRDA sends this command after being queried by the kernel. CRDA replies by sending a regulatory domain structure which consists of NL80211_ATTR_REG_ALPHA set to our ...
    NL80211_CMD_SET_REG = 26,
    /// ask the wireless core to set the regulatory domain to the specified ISO/IEC 3166-1 alpha2 country code. The core will store this as a valid request and then query userspace for it.
    NL80211_CMD_REQ_SET_REG = 27,
    /// Get mesh networking properties for the interface identified by NL80211_ATTR_IFINDEX
    NL80211_CMD_GET_MESH_CONFIG = 28,
    /// Set mesh networking properties for the interface identified by NL80211_ATTR_IFINDEX
    NL80211_CMD_SET_MESH_CONFIG = 29,
    /// Set extra IEs for management frames. The interface is identified with NL80211_ATTR_IFINDEX and the management frame subtype with NL80211_ATTR_MGMT_SUBTYPE. The extra IE data to be added to the end of ...
    NL80211_CMD_SET_MGMT_EXTRA_IE = 30,
    /// ask the wireless core to send us its currently set regulatory domain. If NL80211_ATTR_WIPHY is specified and the device has a private regulatory domain, it will be returned. Otherwise, the global ...
    NL80211_CMD_GET_REG = 31,
    /// get scan results
    NL80211_CMD_GET_SCAN = 32,
    /// trigger a new scan with the given parameters NL80211_ATTR_TX_NO_CCK_RATE is used to decide whether to send the probe requests at CCK rate or not. NL80211_ATTR_BSSID can be used to specify a BSSID to ...
    NL80211_CMD_TRIGGER_SCAN = 33,
    /// scan notification (as a reply to NL80211_CMD_GET_SCAN and on the "scan" multicast group)
    NL80211_CMD_NEW_SCAN_RESULTS = 34,
    /// scan was aborted, for unspecified reasons, partial scan results may be available
    NL80211_CMD_SCAN_ABORTED = 35,
    /// indicates to userspace the regulatory domain has been changed and provides details of the request information that caused the change such as who initiated the regulatory request ...
    NL80211_CMD_REG_CHANGE = 36,
    /// authentication request and notification. This command is used both as a command (request to authenticate) and as an event on the "mlme" multicast group indicating completion of the authentication ...
    NL80211_CMD_AUTHENTICATE = 37,
    /// association request and notification; like NL80211_CMD_AUTHENTICATE but for Association and Reassociation (similar to MLME-ASSOCIATE.request, MLME-REASSOCIATE.request, MLME-ASSOCIATE.confirm or ...
    NL80211_CMD_ASSOCIATE = 38,
    /// deauthentication request and notification; like NL80211_CMD_AUTHENTICATE but for Deauthentication frames (similar to MLME-DEAUTHENTICATION.request and MLME-DEAUTHENTICATE.indication primitives).
    NL80211_CMD_DEAUTHENTICATE = 39,
    /// disassociation request and notification; like NL80211_CMD_AUTHENTICATE but for Disassociation frames (similar to MLME-DISASSOCIATE.request and MLME-DISASSOCIATE.indication primitives).
    NL80211_CMD_DISASSOCIATE = 40,
    /// notification of a locally detected Michael MIC (part of TKIP) failure; sent on the "mlme" multicast group; the event includes NL80211_ATTR_MAC to describe the source MAC address of the frame with ...
    NL80211_CMD_MICHAEL_MIC_FAILURE = 41,
    /// indicates to userspace that an AP beacon has been found while world roaming thus enabling active scan or any mode of operation that initiates TX (beacons) on a channel where we would not have been ...
    NL80211_CMD_REG_BEACON_HINT = 42,
    /// Join a new IBSS -- given at least an SSID and a FREQ attribute (for the initial frequency if no peer can be found) and optionally a MAC (as BSSID) and FREQ_FIXED attribute if those should be fixed ...
    NL80211_CMD_JOIN_IBSS = 43,
    /// Leave the IBSS -- no special arguments, the IBSS is determined by the network interface.
    NL80211_CMD_LEAVE_IBSS = 44,
    /// testmode command, takes a wiphy (or ifindex) attribute to identify the device, and the TESTDATA blob attribute to pass through to the driver.
    NL80211_CMD_TESTMODE = 45,
    /// connection request and notification; this command requests to connect to a specified network but without separating auth and assoc steps. For this, you need to specify the SSID in a NL80211_ATTR_SSID ...
    NL80211_CMD_CONNECT = 46,
    /// Notification indicating the card/driver roamed by itself. When a security association was established on an 802.1X network using fast transition, this event should be followed by an ...
    NL80211_CMD_ROAM = 47,
    /// drop a given connection; also used to notify userspace that a connection was dropped by the AP or due to other reasons, for this the NL80211_ATTR_DISCONNECTED_BY_AP and NL80211_ATTR_REASON_CODE ...
    NL80211_CMD_DISCONNECT = 48,
    /// Set a wiphy's netns. Note that all devices associated with this wiphy must be down and will follow.
    NL80211_CMD_SET_WIPHY_NETNS = 49,
    /// get survey resuls, e.g. channel occupation or noise level
    NL80211_CMD_GET_SURVEY = 50,
    /// survey data notification (as a reply to NL80211_CMD_GET_SURVEY and on the "scan" multicast group)
    NL80211_CMD_NEW_SURVEY_RESULTS = 51,
    /// Add a PMKSA cache entry using NL80211_ATTR_MAC (for the BSSID), NL80211_ATTR_PMKID, and optionally NL80211_ATTR_PMK (PMK is used for PTKSA derivation in case of FILS shared key offload) or using ...
    NL80211_CMD_SET_PMKSA = 52,
    /// Delete a PMKSA cache entry, using NL80211_ATTR_MAC (for the BSSID) and NL80211_ATTR_PMKID or using NL80211_ATTR_SSID, NL80211_ATTR_FILS_CACHE_ID, and NL80211_ATTR_PMKID in case of FILS authentication.
    NL80211_CMD_DEL_PMKSA = 53,
    /// Flush all PMKSA cache entries.
    NL80211_CMD_FLUSH_PMKSA = 54,
    /// Request to remain awake on the specified channel for the specified amount of time. This can be used to do off-channel operations like transmit a Public Action frame and wait for a response while ...
    NL80211_CMD_REMAIN_ON_CHANNEL = 55,
    /// This command can be used to cancel a pending remain-on-channel duration if the desired operation has been completed prior to expiration of the originally requested duration. NL80211_ATTR_WIPHY or ...
    NL80211_CMD_CANCEL_REMAIN_ON_CHANNEL = 56,
    /// Set the mask of rates to be used in TX rate selection. NL80211_ATTR_IFINDEX is used to specify the interface and @NL80211_ATTR_TX_RATES the set of allowed rates.
    NL80211_CMD_SET_TX_BITRATE_MASK = 57,
    /// Register for receiving certain mgmt frames (via @NL80211_CMD_FRAME) for processing in userspace. This command requires an interface index, a frame type attribute (optional for backward compatibility ...
    NL80211_CMD_REGISTER_FRAME = 58,
    /// Alias for @NL80211_CMD_REGISTER_FRAME for backward compatibility
    NL80211_CMD_REGISTER_ACTION = 58,
    /// Management frame TX request and RX notification. This command is used both as a request to transmit a management frame and as an event indicating reception of a frame that was not processed in kernel ...
    NL80211_CMD_FRAME = 59,
    /// Alias for @NL80211_CMD_FRAME for backward compatibility.
    NL80211_CMD_ACTION = 59,
    /// Report TX status of a management frame transmitted with NL80211_CMD_FRAME. NL80211_ATTR_COOKIE identifies the TX command and NL80211_ATTR_FRAME includes the contents of the frame. NL80211_ATTR_ACK ...
    NL80211_CMD_FRAME_TX_STATUS = 60,
    /// Alias for @NL80211_CMD_FRAME_TX_STATUS for backward compatibility.
    NL80211_CMD_ACTION_TX_STATUS = 60,
    /// Set powersave, using NL80211_ATTR_PS_STATE
    NL80211_CMD_SET_POWER_SAVE = 61,
    /// Get powersave status in NL80211_ATTR_PS_STATE
    NL80211_CMD_GET_POWER_SAVE = 62,
    /// Connection quality monitor configuration. This command is used to configure connection quality monitoring notification trigger levels.
    NL80211_CMD_SET_CQM = 63,
    /// Connection quality monitor notification. This command is used as an event to indicate the that a trigger level was reached.
    NL80211_CMD_NOTIFY_CQM = 64,
    /// Set the channel (using NL80211_ATTR_WIPHY_FREQ and the attributes determining channel width) the given interface (identifed by NL80211_ATTR_IFINDEX) shall operate on. In case multiple channels are ...
    NL80211_CMD_SET_CHANNEL = 65,
    /// Set the MAC address of the peer on a WDS interface (no longer supported).
    NL80211_CMD_SET_WDS_PEER = 66,
    /// When an off-channel TX was requested, this command may be used with the corresponding cookie to cancel the wait time if it is known that it is no longer necessary. This command is also sent as an ...
    NL80211_CMD_FRAME_WAIT_CANCEL = 67,
    /// Join a mesh. The mesh ID must be given, and initial mesh config parameters may be given.
    NL80211_CMD_JOIN_MESH = 68,
    /// Leave the mesh network -- no special arguments, the network is determined by the network interface.
    NL80211_CMD_LEAVE_MESH = 69,
    /// Unprotected deauthentication frame notification. This event is used to indicate that an unprotected deauthentication frame was dropped when MFP is in use.
    NL80211_CMD_UNPROT_DEAUTHENTICATE = 70,
    /// Unprotected disassociation frame notification. This event is used to indicate that an unprotected disassociation frame was dropped when MFP is in use.
    NL80211_CMD_UNPROT_DISASSOCIATE = 71,
    /// Notification on the reception of a beacon or probe response from a compatible mesh peer. This is only sent while no station information (sta_info) exists for the new peer candidate and when ...
    NL80211_CMD_NEW_PEER_CANDIDATE = 72,
    /// get Wake-on-Wireless-LAN (WoWLAN) settings.
    NL80211_CMD_GET_WOWLAN = 73,
    /// set Wake-on-Wireless-LAN (WoWLAN) settings. Since wireless is more complex than wired ethernet, it supports various triggers. These triggers can be configured through this command with the ...
    NL80211_CMD_SET_WOWLAN = 74,
    /// start a scheduled scan at certain intervals and certain number of cycles, as specified by NL80211_ATTR_SCHED_SCAN_PLANS. If NL80211_ATTR_SCHED_SCAN_PLANS is not specified and only ...
    NL80211_CMD_START_SCHED_SCAN = 75,
    /// stop a scheduled scan. Returns -ENOENT if scheduled scan is not running. The caller may assume that as soon as the call returns, it is safe to start a new scheduled scan again.
    NL80211_CMD_STOP_SCHED_SCAN = 76,
    /// indicates that there are scheduled scan results available.
    NL80211_CMD_SCHED_SCAN_RESULTS = 77,
    /// indicates that the scheduled scan has stopped. The driver may issue this event at any time during a scheduled scan. One reason for stopping the scan is if the hardware does not support starting an ...
    NL80211_CMD_SCHED_SCAN_STOPPED = 78,
    /// This command is used give the driver the necessary information for supporting GTK rekey offload. This feature is typically used during WoWLAN. The configuration data is contained in ...
    NL80211_CMD_SET_REKEY_OFFLOAD = 79,
    /// This is used as an event to inform userspace of PMKSA caching dandidates.
    NL80211_CMD_PMKSA_CANDIDATE = 80,
    /// Perform a high-level TDLS command (e.g. link setup). In addition, this can be used as an event to request userspace to take actions on TDLS links (set up a new link or tear down an existing one). In ...
    NL80211_CMD_TDLS_OPER = 81,
    /// Send a TDLS management frame. The NL80211_ATTR_TDLS_ACTION attribute determines the type of frame to be sent. Public Action codes (802.11-2012 8.1.5.1) will be sent as 802.11 management frames, while ...
    NL80211_CMD_TDLS_MGMT = 82,
    /// Used by an application controlling an AP (or GO) interface (i.e. hostapd) to ask for unexpected frames to implement sending deauth to stations that send unexpected class 3 frames. Also used as the ...
    NL80211_CMD_UNEXPECTED_FRAME = 83,
    /// Probe an associated station on an AP interface by sending a null data frame to it and reporting when the frame is acknowleged. This is used to allow timing out inactive clients. Uses ...
    NL80211_CMD_PROBE_CLIENT = 84,
    /// Register this socket to receive beacons from other BSSes when any interfaces are in AP mode. This helps implement OLBC handling in hostapd. Beacons are reported in NL80211_CMD_FRAME messages. Note ...
    NL80211_CMD_REGISTER_BEACONS = 85,
    /// Sent as an event indicating that the associated station identified by NL80211_ATTR_MAC sent a 4addr frame and wasn't already in a 4-addr VLAN. The event will be sent similarly to the ...
    NL80211_CMD_UNEXPECTED_4ADDR_FRAME = 86,
    /// sets a bitmap for the individual TIDs whether No Acknowledgement Policy should be applied.
    NL80211_CMD_SET_NOACK_MAP = 87,
    /// An AP or GO may decide to switch channels independently of the userspace SME, send this event indicating NL80211_ATTR_IFINDEX is now on NL80211_ATTR_WIPHY_FREQ and the attributes determining channel ...
    NL80211_CMD_CH_SWITCH_NOTIFY = 88,
    /// Start the given P2P Device, identified by its NL80211_ATTR_WDEV identifier. It must have been created with NL80211_CMD_NEW_INTERFACE previously. After it has been started, the P2P Device can be used ...
    NL80211_CMD_START_P2P_DEVICE = 89,
    /// Stop the given P2P Device, identified by its NL80211_ATTR_WDEV identifier.
    NL80211_CMD_STOP_P2P_DEVICE = 90,
    /// connection request to an AP failed; used to notify userspace that AP has rejected the connection request from a station, due to particular reason. NL80211_ATTR_CONN_FAILED_REASON is used for this.
    NL80211_CMD_CONN_FAILED = 91,
    /// Change the rate used to send multicast frames for IBSS or MESH vif.
    NL80211_CMD_SET_MCAST_RATE = 92,
    /// sets ACL for MAC address based access control. This is to be used with the drivers advertising the support of MAC address based access control. List of MAC addresses is passed in ...
    NL80211_CMD_SET_MAC_ACL = 93,
    /// Start a Channel availability check (CAC). Once a radar is detected or the channel availability scan (CAC) has finished or was aborted, or a radar was detected, usermode will be notified with this ...
    NL80211_CMD_RADAR_DETECT = 94,
    /// Get global nl80211 protocol features, i.e. features for the nl80211 protocol rather than device features. Returns the features in the NL80211_ATTR_PROTOCOL_FEATURES bitmap.
    NL80211_CMD_GET_PROTOCOL_FEATURES = 95,
    /// Pass down the most up-to-date Fast Transition Information Element to the WLAN driver
    NL80211_CMD_UPDATE_FT_IES = 96,
    /// Send a Fast transition event from the WLAN driver to the supplicant. This will carry the target AP's MAC address along with the relevant Information Elements. This event is used to report received FT ...
    NL80211_CMD_FT_EVENT = 97,
    /// Indicates user-space will start running a critical protocol that needs more reliability in the connection to complete.
    NL80211_CMD_CRIT_PROTOCOL_START = 98,
    /// Indicates the connection reliability can return back to normal.
    NL80211_CMD_CRIT_PROTOCOL_STOP = 99,
    /// Get currently supported coalesce rules.
    NL80211_CMD_GET_COALESCE = 100,
    /// Configure coalesce rules or clear existing rules.
    NL80211_CMD_SET_COALESCE = 101,
    /// Perform a channel switch by announcing the new channel information (Channel Switch Announcement - CSA) in the beacon for some time (as defined in the NL80211_ATTR_CH_SWITCH_COUNT parameter) and then ...
    NL80211_CMD_CHANNEL_SWITCH = 102,
    /// Vendor-specified command/event. The command is specified by the NL80211_ATTR_VENDOR_ID attribute and a sub-command in NL80211_ATTR_VENDOR_SUBCMD. Parameter(s) can be transported in ...
    NL80211_CMD_VENDOR = 103,
    /// Set Interworking QoS mapping for IP DSCP values. The QoS mapping information is included in NL80211_ATTR_QOS_MAP. If that attribute is not included, QoS mapping is disabled. Since this QoS mapping is ...
    NL80211_CMD_SET_QOS_MAP = 104,
    /// Ask the kernel to add a traffic stream for the given NL80211_ATTR_TSID and NL80211_ATTR_MAC with NL80211_ATTR_USER_PRIO and NL80211_ATTR_ADMITTED_TIME parameters. Note that the action frame handshake ...
    NL80211_CMD_ADD_TX_TS = 105,
    /// Remove an existing TS with the NL80211_ATTR_TSID and NL80211_ATTR_MAC parameters. It isn't necessary to call this before removing a station entry entirely, or before disassociating or similar, ...
    NL80211_CMD_DEL_TX_TS = 106,
    /// Get mesh path attributes for mesh proxy path to destination NL80211_ATTR_MAC on the interface identified by NL80211_ATTR_IFINDEX.
    NL80211_CMD_GET_MPP = 107,
    /// Join the OCB network. The center frequency and bandwidth of a channel must be given.
    NL80211_CMD_JOIN_OCB = 108,
    /// Leave the OCB network -- no special arguments, the network is determined by the network interface.
    NL80211_CMD_LEAVE_OCB = 109,
    /// Notify that a channel switch has been started on an interface, regardless of the initiator (ie. whether it was requested from a remote device or initiated on our own). It indicates that ...
    NL80211_CMD_CH_SWITCH_STARTED_NOTIFY = 110,
    /// Start channel-switching with a TDLS peer, identified by the NL80211_ATTR_MAC parameter. A target channel is provided via NL80211_ATTR_WIPHY_FREQ and other attributes determining channel width/type. ...
    NL80211_CMD_TDLS_CHANNEL_SWITCH = 111,
    /// Stop channel-switching with a TDLS peer given by NL80211_ATTR_MAC. Both peers must be on the base channel when this command completes.
    NL80211_CMD_TDLS_CANCEL_CHANNEL_SWITCH = 112,
    /// Similar to NL80211_CMD_REG_CHANGE, but used as an event to indicate changes for devices with wiphy-specific regdom management.
    NL80211_CMD_WIPHY_REG_CHANGE = 113,
    /// Stop an ongoing scan. Returns -ENOENT if a scan is not running. The driver indicates the status of the scan through cfg80211_scan_done().
    NL80211_CMD_ABORT_SCAN = 114,
    /// Start NAN operation, identified by its NL80211_ATTR_WDEV interface. This interface must have been previously created with NL80211_CMD_NEW_INTERFACE. After it has been started, the NAN interface will ...
    NL80211_CMD_START_NAN = 115,
    /// Stop the NAN operation, identified by its NL80211_ATTR_WDEV interface.
    NL80211_CMD_STOP_NAN = 116,
    /// Add a NAN function. The function is defined with NL80211_ATTR_NAN_FUNC nested attribute. When called, this operation returns the strictly positive and unique instance id ...
    NL80211_CMD_ADD_NAN_FUNCTION = 117,
    /// Delete a NAN function by cookie. This command is also used as a notification sent when a NAN function is terminated. This will contain a NL80211_ATTR_NAN_FUNC_INST_ID and NL80211_ATTR_COOKIE ...
    NL80211_CMD_DEL_NAN_FUNCTION = 118,
    /// Change current NAN configuration. NAN must be operational (NL80211_CMD_START_NAN was executed). It must contain at least one of the following attributes: NL80211_ATTR_NAN_MASTER_PREF, ...
    NL80211_CMD_CHANGE_NAN_CONFIG = 119,
    /// `NL80211_CMD_NAN_MATCH`.
    NL80211_CMD_NAN_MATCH = 120,
    /// Configure if this AP should perform multicast to unicast conversion. When enabled, all multicast packets with ethertype ARP, IPv4 or IPv6 (possibly within an 802.1Q header) will be sent out to each ...
    NL80211_CMD_SET_MULTICAST_TO_UNICAST = 121,
    /// Update one or more connect parameters for subsequent roaming cases if the driver or firmware uses internal BSS selection. This command can be issued only while connected and it does not result in a ...
    NL80211_CMD_UPDATE_CONNECT_PARAMS = 122,
    /// For offloaded 4-Way handshake, set the PMK or PMK-R0 for the given authenticator address (specified with NL80211_ATTR_MAC). When NL80211_ATTR_PMKR0_NAME is set, NL80211_ATTR_PMK specifies the PMK-R0, ...
    NL80211_CMD_SET_PMK = 123,
    /// For offloaded 4-Way handshake, delete the previously configured PMK for the authenticator address identified by NL80211_ATTR_MAC.
    NL80211_CMD_DEL_PMK = 124,
    /// An event that indicates an 802.1X FT roam was completed successfully. Drivers that support 4 way handshake offload should send this event after indicating 802.1X FT assocation with NL80211_CMD_ROAM. ...
    NL80211_CMD_PORT_AUTHORIZED = 125,
    /// Request that the regdb firmware file is reloaded.
    NL80211_CMD_RELOAD_REGDB = 126,
    /// This interface is exclusively defined for host drivers that do not define separate commands for authentication and association, but rely on user space for the authentication to happen. This interface ...
    NL80211_CMD_EXTERNAL_AUTH = 127,
    /// An event that notify station's ht opmode or vht opmode changes using any of NL80211_ATTR_SMPS_MODE, NL80211_ATTR_CHANNEL_WIDTH,NL80211_ATTR_NSS attributes with its address(specified in ...
    NL80211_CMD_STA_OPMODE_CHANGED = 128,
    /// Control Port (e.g. PAE) frame TX request and RX notification. This command is used both as a request to transmit a control port frame and as a notification that a control port frame has been ...
    NL80211_CMD_CONTROL_PORT_FRAME = 129,
    /// Retrieve FTM responder statistics, in the NL80211_ATTR_FTM_RESPONDER_STATS attribute.
    NL80211_CMD_GET_FTM_RESPONDER_STATS = 130,
    /// start a (set of) peer measurement(s) with the given parameters, which are encapsulated in the nested NL80211_ATTR_PEER_MEASUREMENTS attribute. Optionally, MAC address randomization may be enabled and ...
    NL80211_CMD_PEER_MEASUREMENT_START = 131,
    /// This command number is used for the result notification from the driver to the requesting socket.
    NL80211_CMD_PEER_MEASUREMENT_RESULT = 132,
    /// Notification only, indicating that the measurement completed, using the measurement cookie (NL80211_ATTR_COOKIE).
    NL80211_CMD_PEER_MEASUREMENT_COMPLETE = 133,
    /// Notify the kernel that a radar signal was detected and reported by a neighboring device on the channel indicated by NL80211_ATTR_WIPHY_FREQ and other attributes determining the width and type.
    NL80211_CMD_NOTIFY_RADAR = 134,
    /// This interface allows the host driver to offload OWE processing to user space. This intends to support OWE AKM by the host drivers that implement SME but rely on the user space for the ...
    NL80211_CMD_UPDATE_OWE_INFO = 135,
    /// The requirement for mesh link metric refreshing, is that from one mesh point we be able to send some data frames to other mesh points which are not currently selected as a primary traffic path, but ...
    NL80211_CMD_PROBE_MESH_LINK = 136,
    /// Data frame TID specific configuration is passed using NL80211_ATTR_TID_CONFIG attribute.
    NL80211_CMD_SET_TID_CONFIG = 137,
    /// Unprotected or incorrectly protected Beacon frame. This event is used to indicate that a received Beacon frame was dropped because it did not include a valid MME MIC while beacon protection was ...
    NL80211_CMD_UNPROT_BEACON = 138,
    /// Report TX status of a control port frame transmitted with NL80211_CMD_CONTROL_PORT_FRAME. NL80211_ATTR_COOKIE identifies the TX command and NL80211_ATTR_FRAME includes the contents of the frame. ...
    NL80211_CMD_CONTROL_PORT_FRAME_TX_STATUS = 139,
    /// SAR power limitation configuration is passed using NL80211_ATTR_SAR_SPEC. NL80211_ATTR_WIPHY is used to specify the wiphy index to be applied to.
    NL80211_CMD_SET_SAR_SPECS = 140,
    /// This notification is sent out whenever mac80211/drv detects a bss color collision.
    NL80211_CMD_OBSS_COLOR_COLLISION = 141,
    /// This command is used to indicate that userspace wants to change the BSS color.
    NL80211_CMD_COLOR_CHANGE_REQUEST = 142,
    /// Notify userland, that a color change has started
    NL80211_CMD_COLOR_CHANGE_STARTED = 143,
    /// Notify userland, that the color change has been aborted
    NL80211_CMD_COLOR_CHANGE_ABORTED = 144,
    /// Notify userland that the color change has completed
    NL80211_CMD_COLOR_CHANGE_COMPLETED = 145,
    /// Set FILS AAD data to the driver using - NL80211_ATTR_MAC - for STA MAC address NL80211_ATTR_FILS_KEK - for KEK NL80211_ATTR_FILS_NONCES - for FILS Nonces (STA Nonce 16 bytes followed by AP Nonce 16 ...
    NL80211_CMD_SET_FILS_AAD = 146,
    /// notification about an association temporal rejection with comeback. The event includes NL80211_ATTR_MAC to describe the BSSID address of the AP and NL80211_ATTR_TIMEOUT to specify the timeout value.
    NL80211_CMD_ASSOC_COMEBACK = 147,
    /// Add a new link to an interface. The NL80211_ATTR_MLO_LINK_ID attribute is used for the new link.
    NL80211_CMD_ADD_LINK = 148,
    /// Remove a link from an interface. This may come without NL80211_ATTR_MLO_LINK_ID as an easy way to remove all links in preparation for e.g. roaming to a regular (non-MLO) AP.
    NL80211_CMD_REMOVE_LINK = 149,
    /// Add a link to an MLD station
    NL80211_CMD_ADD_LINK_STA = 150,
    /// Modify a link of an MLD station
    NL80211_CMD_MODIFY_LINK_STA = 151,
    /// Remove a link of an MLD station
    NL80211_CMD_REMOVE_LINK_STA = 152,
    /// Enable/disable HW timestamping of Timing measurement and Fine timing measurement frames. If NL80211_ATTR_MAC is included, enable/disable HW timestamping only for frames to/from the specified MAC ...
    NL80211_CMD_SET_HW_TIMESTAMP = 153,
}

crate::genl::named_consts! {
    /// The name of band `band` (NL80211_BAND_*, the index in NL80211_ATTR_WIPHY_BANDS).
    pub fn band_name(u16);
    /// 2.4 GHz ISM band
    NL80211_BAND_2GHZ = 0,
    /// around 5 GHz band (4.9 - 5.7 GHz)
    NL80211_BAND_5GHZ = 1,
    /// around 60 GHz band (58.32 - 69.12 GHz)
    NL80211_BAND_60GHZ = 2,
    /// around 6 GHz band (5.9 - 7.2 GHz)
    NL80211_BAND_6GHZ = 3,
    /// around 900MHz, supported by S1G PHYs
    NL80211_BAND_S1GHZ = 4,
    /// light communication band (placeholder)
    NL80211_BAND_LC = 5,
}

nla_set! {
    /// Bitrate information (NL80211_RATE_INFO_*), nested in NL80211_STA_INFO_TX_BITRATE / RX_BITRATE.
    pub struct Nl80211RateInfoAttrs, enum Nl80211RateInfo, index Nl80211RateInfoIndex;
    /// total bitrate (u16, 100kbit/s)
    NL80211_RATE_INFO_BITRATE = 1 => Bitrate(bitrate): U16,
    /// mcs index for 802.11n (u8)
    NL80211_RATE_INFO_MCS = 2 => Mcs(mcs): U8,
    /// 40 MHz dualchannel bitrate
    NL80211_RATE_INFO_40_MHZ_WIDTH = 3 => Rate40MhzWidth(rate_40_mhz_width): Flag,
    /// 400ns guard interval
    NL80211_RATE_INFO_SHORT_GI = 4 => ShortGi(short_gi): Flag,
    /// total bitrate (u32, 100kbit/s)
    NL80211_RATE_INFO_BITRATE32 = 5 => Bitrate32(bitrate32): U32,
    /// MCS index for VHT (u8)
    NL80211_RATE_INFO_VHT_MCS = 6 => VhtMcs(vht_mcs): U8,
    /// number of streams in VHT (u8)
    NL80211_RATE_INFO_VHT_NSS = 7 => VhtNss(vht_nss): U8,
    /// 80 MHz VHT rate
    NL80211_RATE_INFO_80_MHZ_WIDTH = 8 => Rate80MhzWidth(rate_80_mhz_width): Flag,
    /// unused - 80+80 is treated the same as 160 for purposes of the bitrates
    NL80211_RATE_INFO_80P80_MHZ_WIDTH = 9 => Rate80p80MhzWidth(rate_80p80_mhz_width): Flag,
    /// 160 MHz VHT rate
    NL80211_RATE_INFO_160_MHZ_WIDTH = 10 => Rate160MhzWidth(rate_160_mhz_width): Flag,
    /// 10 MHz width - note that this is a legacy rate and will be reported as the actual bitrate, i.e. half the base (20 MHz) rate
    NL80211_RATE_INFO_10_MHZ_WIDTH = 11 => Rate10MhzWidth(rate_10_mhz_width): Flag,
    /// 5 MHz width - note that this is a legacy rate and will be reported as the actual bitrate, i.e. a quarter of the base (20 MHz) rate
    NL80211_RATE_INFO_5_MHZ_WIDTH = 12 => Rate5MhzWidth(rate_5_mhz_width): Flag,
    /// HE MCS index (u8, 0-11)
    NL80211_RATE_INFO_HE_MCS = 13 => HeMcs(he_mcs): U8,
    /// HE NSS value (u8, 1-8)
    NL80211_RATE_INFO_HE_NSS = 14 => HeNss(he_nss): U8,
    /// HE guard interval identifier (u8, see enum nl80211_he_gi)
    NL80211_RATE_INFO_HE_GI = 15 => HeGi(he_gi): U8,
    /// HE DCM value (u8, 0/1)
    NL80211_RATE_INFO_HE_DCM = 16 => HeDcm(he_dcm): U8,
    /// `NL80211_RATE_INFO_HE_RU_ALLOC`.
    NL80211_RATE_INFO_HE_RU_ALLOC = 17 => HeRuAlloc(he_ru_alloc): U8,
    /// 320 MHz bitrate
    NL80211_RATE_INFO_320_MHZ_WIDTH = 18 => Rate320MhzWidth(rate_320_mhz_width): Flag,
    /// EHT MCS index (u8, 0-15)
    NL80211_RATE_INFO_EHT_MCS = 19 => EhtMcs(eht_mcs): U8,
    /// EHT NSS value (u8, 1-8)
    NL80211_RATE_INFO_EHT_NSS = 20 => EhtNss(eht_nss): U8,
    /// EHT guard interval identifier (u8, see enum nl80211_eht_gi)
    NL80211_RATE_INFO_EHT_GI = 21 => EhtGi(eht_gi): U8,
    /// EHT RU allocation, if not present then non-OFDMA was used (u8, see enum nl80211_eht_ru_alloc)
    NL80211_RATE_INFO_EHT_RU_ALLOC = 22 => EhtRuAlloc(eht_ru_alloc): U8,
}

nla_set! {
    /// BSS parameters seen by a station (NL80211_STA_BSS_PARAM_*).
    pub struct Nl80211StaBssParamAttrs, enum Nl80211StaBssParam, index Nl80211StaBssParamIndex;
    /// whether CTS protection is enabled (flag)
    NL80211_STA_BSS_PARAM_CTS_PROT = 1 => CtsProt(cts_prot): Flag,
    /// whether short preamble is enabled (flag)
    NL80211_STA_BSS_PARAM_SHORT_PREAMBLE = 2 => ShortPreamble(short_preamble): Flag,
    /// whether short slot time is enabled (flag)
    NL80211_STA_BSS_PARAM_SHORT_SLOT_TIME = 3 => ShortSlotTime(short_slot_time): Flag,
    /// DTIM period for beaconing (u8)
    NL80211_STA_BSS_PARAM_DTIM_PERIOD = 4 => DtimPeriod(dtim_period): U8,
    /// Beacon interval (u16)
    NL80211_STA_BSS_PARAM_BEACON_INTERVAL = 5 => BeaconInterval(beacon_interval): U16,
}

nla_set! {
    /// Station information (NL80211_STA_INFO_*), nested in NL80211_ATTR_STA_INFO.
    pub struct Nl80211StaInfoAttrs, enum Nl80211StaInfo, index Nl80211StaInfoIndex;
    /// time since last activity (u32, msecs)
    NL80211_STA_INFO_INACTIVE_TIME = 1 => InactiveTime(inactive_time): U32,
    /// total received bytes (MPDU length) (u32, from this station)
    NL80211_STA_INFO_RX_BYTES = 2 => RxBytes(rx_bytes): U32,
    /// total transmitted bytes (MPDU length) (u32, to this station)
    NL80211_STA_INFO_TX_BYTES = 3 => TxBytes(tx_bytes): U32,
    /// the station's mesh LLID
    NL80211_STA_INFO_LLID = 4 => Llid(llid): U16,
    /// the station's mesh PLID
    NL80211_STA_INFO_PLID = 5 => Plid(plid): U16,
    /// peer link state for the station (see enum nl80211_plink_state)
    NL80211_STA_INFO_PLINK_STATE = 6 => PlinkState(plink_state): U8,
    /// signal strength of last received PPDU (u8, dBm)
    NL80211_STA_INFO_SIGNAL = 7 => Signal(signal): I8,
    /// current unicast tx rate, nested attribute containing info as possible, see enum nl80211_rate_info
    NL80211_STA_INFO_TX_BITRATE = 8 => TxBitrate(tx_bitrate): NestedNoFlag<Nl80211RateInfoAttrs>,
    /// total received packet (MSDUs and MMPDUs) (u32, from this station)
    NL80211_STA_INFO_RX_PACKETS = 9 => RxPackets(rx_packets): U32,
    /// total transmitted packets (MSDUs and MMPDUs) (u32, to this station)
    NL80211_STA_INFO_TX_PACKETS = 10 => TxPackets(tx_packets): U32,
    /// total retries (MPDUs) (u32, to this station)
    NL80211_STA_INFO_TX_RETRIES = 11 => TxRetries(tx_retries): U32,
    /// total failed packets (MPDUs) (u32, to this station)
    NL80211_STA_INFO_TX_FAILED = 12 => TxFailed(tx_failed): U32,
    /// signal strength average (u8, dBm)
    NL80211_STA_INFO_SIGNAL_AVG = 13 => SignalAvg(signal_avg): I8,
    /// last unicast data frame rx rate, nested attribute, like NL80211_STA_INFO_TX_BITRATE.
    NL80211_STA_INFO_RX_BITRATE = 14 => RxBitrate(rx_bitrate): NestedNoFlag<Nl80211RateInfoAttrs>,
    /// current station's view of BSS, nested attribute containing info as possible, see enum nl80211_sta_bss_param
    NL80211_STA_INFO_BSS_PARAM = 15 => BssParam(bss_param): NestedNoFlag<Nl80211StaBssParamAttrs>,
    /// time since the station is last connected
    NL80211_STA_INFO_CONNECTED_TIME = 16 => ConnectedTime(connected_time): U32,
    /// Contains a struct nl80211_sta_flag_update.
    NL80211_STA_INFO_STA_FLAGS = 17 => StaFlags(sta_flags): Bytes,
    /// count of times beacon loss was detected (u32)
    NL80211_STA_INFO_BEACON_LOSS = 18 => BeaconLoss(beacon_loss): U32,
    /// timing offset with respect to this STA (s64)
    NL80211_STA_INFO_T_OFFSET = 19 => TOffset(t_offset): I64,
    /// local mesh STA link-specific power mode
    NL80211_STA_INFO_LOCAL_PM = 20 => LocalPm(local_pm): U32,
    /// peer mesh STA link-specific power mode
    NL80211_STA_INFO_PEER_PM = 21 => PeerPm(peer_pm): U32,
    /// neighbor mesh STA power save mode towards non-peer STA
    NL80211_STA_INFO_NONPEER_PM = 22 => NonpeerPm(nonpeer_pm): U32,
    /// total received bytes (MPDU length) (u64, from this station)
    NL80211_STA_INFO_RX_BYTES64 = 23 => RxBytes64(rx_bytes64): U64,
    /// total transmitted bytes (MPDU length) (u64, to this station)
    NL80211_STA_INFO_TX_BYTES64 = 24 => TxBytes64(tx_bytes64): U64,
    /// per-chain signal strength of last PPDU Contains a nested array of signal strength attributes (u8, dBm)
    NL80211_STA_INFO_CHAIN_SIGNAL = 25 => ChainSignal(chain_signal): NestedNoFlag<RawAttrs>,
    /// per-chain signal strength average Same format as NL80211_STA_INFO_CHAIN_SIGNAL.
    NL80211_STA_INFO_CHAIN_SIGNAL_AVG = 26 => ChainSignalAvg(chain_signal_avg): NestedNoFlag<RawAttrs>,
    /// `NL80211_STA_INFO_EXPECTED_THROUGHPUT`.
    NL80211_STA_INFO_EXPECTED_THROUGHPUT = 27 => ExpectedThroughput(expected_throughput): U32,
    /// RX packets dropped for unspecified reasons (u64)
    NL80211_STA_INFO_RX_DROP_MISC = 28 => RxDropMisc(rx_drop_misc): U64,
    /// number of beacons received from this peer (u64)
    NL80211_STA_INFO_BEACON_RX = 29 => BeaconRx(beacon_rx): U64,
    /// signal strength average for beacons only (u8, dBm)
    NL80211_STA_INFO_BEACON_SIGNAL_AVG = 30 => BeaconSignalAvg(beacon_signal_avg): I8,
    /// per-TID statistics (see enum nl80211_tid_stats) This is a nested attribute where each the inner attribute number is the TID+1 and the special TID 16 (i.e. value 17) is used for non-QoS frames; each ...
    NL80211_STA_INFO_TID_STATS = 31 => TidStats(tid_stats): NestedNoFlag<RawAttrs>,
    /// aggregate PPDU duration for all frames received from the station (u64, usec)
    NL80211_STA_INFO_RX_DURATION = 32 => RxDuration(rx_duration): U64,
    /// attribute used for padding for 64-bit alignment
    NL80211_STA_INFO_PAD = 33 => Pad(pad): Bytes,
    /// signal strength of the last ACK frame(u8, dBm)
    NL80211_STA_INFO_ACK_SIGNAL = 34 => AckSignal(ack_signal): I8,
    /// avg signal strength of ACK frames (s8, dBm)
    NL80211_STA_INFO_ACK_SIGNAL_AVG = 35 => AckSignalAvg(ack_signal_avg): I8,
    /// total number of received packets (MPDUs) (u32, from this station)
    NL80211_STA_INFO_RX_MPDUS = 36 => RxMpdus(rx_mpdus): U32,
    /// total number of packets (MPDUs) received with an FCS error (u32, from this station). This count may not include some packets with an FCS error due to TA corruption. Hence this counter might not be ...
    NL80211_STA_INFO_FCS_ERROR_COUNT = 37 => FcsErrorCount(fcs_error_count): U32,
    /// set to true if STA has a path to a mesh gate (u8, 0 or 1)
    NL80211_STA_INFO_CONNECTED_TO_GATE = 38 => ConnectedToGate(connected_to_gate): U8,
    /// aggregate PPDU duration for all frames sent to the station (u64, usec)
    NL80211_STA_INFO_TX_DURATION = 39 => TxDuration(tx_duration): U64,
    /// current airtime weight for station (u16)
    NL80211_STA_INFO_AIRTIME_WEIGHT = 40 => AirtimeWeight(airtime_weight): U16,
    /// airtime link metric for mesh station
    NL80211_STA_INFO_AIRTIME_LINK_METRIC = 41 => AirtimeLinkMetric(airtime_link_metric): U32,
    /// Timestamp (CLOCK_BOOTTIME, nanoseconds) of STA's association
    NL80211_STA_INFO_ASSOC_AT_BOOTTIME = 42 => AssocAtBoottime(assoc_at_boottime): U64,
    /// set to true if STA has a path to a authentication server (u8, 0 or 1)
    NL80211_STA_INFO_CONNECTED_TO_AS = 43 => ConnectedToAs(connected_to_as): U8,
}

nla_set! {
    /// One channel of a band (NL80211_FREQUENCY_ATTR_*), an element of NL80211_BAND_ATTR_FREQS.
    pub struct Nl80211FrequencyAttrs, enum Nl80211FrequencyAttr, index Nl80211FrequencyIndex;
    /// Frequency in MHz
    NL80211_FREQUENCY_ATTR_FREQ = 1 => Freq(freq): U32,
    /// Channel is disabled in current regulatory domain.
    NL80211_FREQUENCY_ATTR_DISABLED = 2 => Disabled(disabled): Flag,
    /// no mechanisms that initiate radiation are permitted on this channel, this includes sending probe requests, or modes of operation that require beaconing.
    NL80211_FREQUENCY_ATTR_NO_IR = 3 => NoIr(no_ir): Flag,
    /// Radar detection is mandatory on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_RADAR = 5 => Radar(radar): Flag,
    /// Maximum transmission power in mBm (100 * dBm).
    NL80211_FREQUENCY_ATTR_MAX_TX_POWER = 6 => MaxTxPower(max_tx_power): U32,
    /// current state for DFS (enum nl80211_dfs_state)
    NL80211_FREQUENCY_ATTR_DFS_STATE = 7 => DfsState(dfs_state): U32,
    /// time in miliseconds for how long this channel is in this DFS state.
    NL80211_FREQUENCY_ATTR_DFS_TIME = 8 => DfsTime(dfs_time): U32,
    /// HT40- isn't possible with this channel as the control channel
    NL80211_FREQUENCY_ATTR_NO_HT40_MINUS = 9 => NoHt40Minus(no_ht40_minus): Flag,
    /// HT40+ isn't possible with this channel as the control channel
    NL80211_FREQUENCY_ATTR_NO_HT40_PLUS = 10 => NoHt40Plus(no_ht40_plus): Flag,
    /// any 80 MHz channel using this channel as the primary or any of the secondary channels isn't possible, this includes 80+80 channels
    NL80211_FREQUENCY_ATTR_NO_80MHZ = 11 => No80mhz(no_80mhz): Flag,
    /// any 160 MHz (but not 80+80) channel using this channel as the primary or any of the secondary channels isn't possible
    NL80211_FREQUENCY_ATTR_NO_160MHZ = 12 => No160mhz(no_160mhz): Flag,
    /// DFS CAC time in milliseconds.
    NL80211_FREQUENCY_ATTR_DFS_CAC_TIME = 13 => DfsCacTime(dfs_cac_time): U32,
    /// Only indoor use is permitted on this channel. A channel that has the INDOOR_ONLY attribute can only be used when there is a clear assessment that the device is operating in an indoor surroundings, ...
    NL80211_FREQUENCY_ATTR_INDOOR_ONLY = 14 => IndoorOnly(indoor_only): Flag,
    /// IR operation is allowed on this channel if it's connected concurrently to a BSS on the same channel on the 2 GHz band or to a channel in the same UNII band (on the 5 GHz band), and ...
    NL80211_FREQUENCY_ATTR_IR_CONCURRENT = 15 => IrConcurrent(ir_concurrent): Flag,
    /// 20 MHz operation is not allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_NO_20MHZ = 16 => No20mhz(no_20mhz): Flag,
    /// 10 MHz operation is not allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_NO_10MHZ = 17 => No10mhz(no_10mhz): Flag,
    /// this channel has wmm limitations. This is a nested attribute that contains the wmm limitation per AC. (see enum nl80211_wmm_rule)
    NL80211_FREQUENCY_ATTR_WMM = 18 => Wmm(wmm): NestedNoFlag<RawAttrs>,
    /// HE operation is not allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_NO_HE = 19 => NoHe(no_he): Flag,
    /// frequency offset in KHz
    NL80211_FREQUENCY_ATTR_OFFSET = 20 => Offset(offset): U32,
    /// 1 MHz operation is allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_1MHZ = 21 => Freq1mhz(freq_1mhz): Flag,
    /// 2 MHz operation is allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_2MHZ = 22 => Freq2mhz(freq_2mhz): Flag,
    /// 4 MHz operation is allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_4MHZ = 23 => Freq4mhz(freq_4mhz): Flag,
    /// 8 MHz operation is allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_8MHZ = 24 => Freq8mhz(freq_8mhz): Flag,
    /// 16 MHz operation is allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_16MHZ = 25 => Freq16mhz(freq_16mhz): Flag,
    /// any 320 MHz channel using this channel as the primary or any of the secondary channels isn't possible
    NL80211_FREQUENCY_ATTR_NO_320MHZ = 26 => No320mhz(no_320mhz): Flag,
    /// EHT operation is not allowed on this channel in current regulatory domain.
    NL80211_FREQUENCY_ATTR_NO_EHT = 27 => NoEht(no_eht): Flag,
}

nla_set! {
    /// One legacy bitrate of a band (NL80211_BITRATE_ATTR_*), an element of NL80211_BAND_ATTR_RATES.
    pub struct Nl80211BitrateAttrs, enum Nl80211BitrateAttr, index Nl80211BitrateIndex;
    /// Bitrate in units of 100 kbps
    NL80211_BITRATE_ATTR_RATE = 1 => Rate(rate): U32,
    /// Short preamble supported in 2.4 GHz band.
    NL80211_BITRATE_ATTR_2GHZ_SHORTPREAMBLE = 2 => Rate2ghzShortpreamble(rate_2ghz_shortpreamble): Flag,
}

nla_set! {
    /// One band of a wiphy (NL80211_BAND_ATTR_*), an element of NL80211_ATTR_WIPHY_BANDS (indexed by NL80211_BAND_*).
    pub struct Nl80211BandAttrs, enum Nl80211BandAttr, index Nl80211BandIndex;
    /// supported frequencies in this band, an array of nested frequency attributes
    NL80211_BAND_ATTR_FREQS = 1 => Freqs(freqs): NestedNoFlag<ArrayOf<Nl80211FrequencyAttrs>>,
    /// supported bitrates in this band, an array of nested bitrate attributes
    NL80211_BAND_ATTR_RATES = 2 => Rates(rates): NestedNoFlag<ArrayOf<Nl80211BitrateAttrs>>,
    /// 16-byte attribute containing the MCS set as defined in 802.11n
    NL80211_BAND_ATTR_HT_MCS_SET = 3 => HtMcsSet(ht_mcs_set): Bytes,
    /// HT capabilities, as in the HT information IE
    NL80211_BAND_ATTR_HT_CAPA = 4 => HtCapa(ht_capa): U16,
    /// A-MPDU factor, as in 11n
    NL80211_BAND_ATTR_HT_AMPDU_FACTOR = 5 => HtAmpduFactor(ht_ampdu_factor): U8,
    /// A-MPDU density, as in 11n
    NL80211_BAND_ATTR_HT_AMPDU_DENSITY = 6 => HtAmpduDensity(ht_ampdu_density): U8,
    /// 32-byte attribute containing the MCS set as defined in 802.11ac
    NL80211_BAND_ATTR_VHT_MCS_SET = 7 => VhtMcsSet(vht_mcs_set): Bytes,
    /// VHT capabilities, as in the HT information IE
    NL80211_BAND_ATTR_VHT_CAPA = 8 => VhtCapa(vht_capa): U32,
    /// nested array attribute, with each entry using attributes from enum nl80211_band_iftype_attr
    NL80211_BAND_ATTR_IFTYPE_DATA = 9 => IftypeData(iftype_data): NestedNoFlag<RawAttrs>,
    /// bitmap that indicates the 2.16 GHz channel(s) that are allowed to be used for EDMG transmissions. Defined by IEEE P802.11ay/D4.0 section 9.4.2.251.
    NL80211_BAND_ATTR_EDMG_CHANNELS = 10 => EdmgChannels(edmg_channels): U8,
    /// Channel BW Configuration subfield encodes the allowed channel bandwidth configurations. Defined by IEEE P802.11ay/D4.0 section 9.4.2.251, Table 13.
    NL80211_BAND_ATTR_EDMG_BW_CONFIG = 11 => EdmgBwConfig(edmg_bw_config): U8,
}

nla_set! {
    /// One scan result (NL80211_BSS_*), nested in NL80211_ATTR_BSS.
    pub struct Nl80211BssAttrs, enum Nl80211Bss, index Nl80211BssIndex;
    /// BSSID of the BSS (6 octets)
    NL80211_BSS_BSSID = 1 => Bssid(bssid): Mac,
    /// frequency in MHz (u32)
    NL80211_BSS_FREQUENCY = 2 => Frequency(frequency): U32,
    /// TSF of the received probe response/beacon (u64) (if @NL80211_BSS_PRESP_DATA is present then this is known to be from a probe response, otherwise it may be from the same beacon that the ...
    NL80211_BSS_TSF = 3 => Tsf(tsf): U64,
    /// beacon interval of the (I)BSS (u16)
    NL80211_BSS_BEACON_INTERVAL = 4 => BeaconInterval(beacon_interval): U16,
    /// capability field (CPU order, u16)
    NL80211_BSS_CAPABILITY = 5 => Capability(capability): U16,
    /// binary attribute containing the raw information elements from the probe response/beacon (bin); if the NL80211_BSS_BEACON_IES attribute is present and the data is different then the IEs here are from ...
    NL80211_BSS_INFORMATION_ELEMENTS = 6 => InformationElements(information_elements): IesKind,
    /// signal strength of probe response/beacon in mBm (100 * dBm) (s32)
    NL80211_BSS_SIGNAL_MBM = 7 => SignalMbm(signal_mbm): I32,
    /// signal strength of the probe response/beacon in unspecified units, scaled to 0..100 (u8)
    NL80211_BSS_SIGNAL_UNSPEC = 8 => SignalUnspec(signal_unspec): U8,
    /// status, if this BSS is "used"
    NL80211_BSS_STATUS = 9 => Status(status): U32,
    /// age of this BSS entry in ms
    NL80211_BSS_SEEN_MS_AGO = 10 => SeenMsAgo(seen_ms_ago): U32,
    /// binary attribute containing the raw information elements from a Beacon frame (bin); not present if no Beacon frame has yet been received
    NL80211_BSS_BEACON_IES = 11 => BeaconIes(beacon_ies): IesKind,
    /// channel width of the control channel (u32, enum nl80211_bss_scan_width)
    NL80211_BSS_CHAN_WIDTH = 12 => ChanWidth(chan_width): U32,
    /// TSF of the last received beacon (u64) (not present if no beacon frame has been received yet)
    NL80211_BSS_BEACON_TSF = 13 => BeaconTsf(beacon_tsf): U64,
    /// the data in @NL80211_BSS_INFORMATION_ELEMENTS and
    NL80211_BSS_PRESP_DATA = 14 => PrespData(presp_data): Flag,
    /// CLOCK_BOOTTIME timestamp when this entry was last updated by a received frame. The value is expected to be accurate to about 10ms. (u64, nanoseconds)
    NL80211_BSS_LAST_SEEN_BOOTTIME = 15 => LastSeenBoottime(last_seen_boottime): U64,
    /// attribute used for padding for 64-bit alignment
    NL80211_BSS_PAD = 16 => Pad(pad): Bytes,
    /// the time at the start of reception of the first octet of the timestamp field of the last beacon/probe received for this BSS. The time is the TSF of the BSS specified by
    NL80211_BSS_PARENT_TSF = 17 => ParentTsf(parent_tsf): U64,
    /// the BSS according to which @NL80211_BSS_PARENT_TSF is set.
    NL80211_BSS_PARENT_BSSID = 18 => ParentBssid(parent_bssid): Mac,
    /// per-chain signal strength of last BSS update. Contains a nested array of signal strength attributes (u8, dBm), using the nesting index as the antenna number.
    NL80211_BSS_CHAIN_SIGNAL = 19 => ChainSignal(chain_signal): NestedNoFlag<RawAttrs>,
    /// frequency offset in KHz
    NL80211_BSS_FREQUENCY_OFFSET = 20 => FrequencyOffset(frequency_offset): U32,
    /// MLO link ID of the BSS (u8).
    NL80211_BSS_MLO_LINK_ID = 21 => MloLinkId(mlo_link_id): U8,
    /// MLD address of this BSS if connected to it.
    NL80211_BSS_MLD_ADDR = 22 => MldAddr(mld_addr): Mac,
}

nla_set! {
    /// Interface types (NL80211_IFTYPE_*) as a set of flag attributes, as in NL80211_ATTR_SUPPORTED_IFTYPES; the same numbers are the values of NL80211_ATTR_IFTYPE.
    pub struct Nl80211IftypeAttrs, enum Nl80211IftypeAttr, index Nl80211IftypeIndex;
    /// unspecified type, driver decides
    NL80211_IFTYPE_UNSPECIFIED = 0 => Unspecified(unspecified): Flag,
    /// independent BSS member
    NL80211_IFTYPE_ADHOC = 1 => Adhoc(adhoc): Flag,
    /// managed BSS member
    NL80211_IFTYPE_STATION = 2 => Station(station): Flag,
    /// access point
    NL80211_IFTYPE_AP = 3 => Ap(ap): Flag,
    /// VLAN interface for access points; VLAN interfaces are a bit special in that they must always be tied to a pre-existing AP type interface.
    NL80211_IFTYPE_AP_VLAN = 4 => ApVlan(ap_vlan): Flag,
    /// wireless distribution interface
    NL80211_IFTYPE_WDS = 5 => Wds(wds): Flag,
    /// monitor interface receiving all frames
    NL80211_IFTYPE_MONITOR = 6 => Monitor(monitor): Flag,
    /// mesh point
    NL80211_IFTYPE_MESH_POINT = 7 => MeshPoint(mesh_point): Flag,
    /// P2P client
    NL80211_IFTYPE_P2P_CLIENT = 8 => P2pClient(p2p_client): Flag,
    /// P2P group owner
    NL80211_IFTYPE_P2P_GO = 9 => P2pGo(p2p_go): Flag,
    /// P2P device interface type, this is not a netdev and therefore can't be created in the normal ways, use the NL80211_CMD_START_P2P_DEVICE and NL80211_CMD_STOP_P2P_DEVICE commands to create and destroy ...
    NL80211_IFTYPE_P2P_DEVICE = 10 => P2pDevice(p2p_device): Flag,
    /// Outside Context of a BSS This mode corresponds to the MIB variable dot11OCBActivated=true
    NL80211_IFTYPE_OCB = 11 => Ocb(ocb): Flag,
    /// NAN device interface type (not a netdev)
    NL80211_IFTYPE_NAN = 12 => Nan(nan): Flag,
}

nla_set! {
    /// Top-level nl80211 attributes (NL80211_ATTR_*).
    pub struct Nl80211Attrs, enum Nl80211Attr, index Nl80211Index;
    /// unspecified attribute to catch errors
    NL80211_ATTR_UNSPEC = 0 => Unspec(unspec): Bytes,
    /// index of wiphy to operate on, cf. /sys/class/ieee80211/(phyname)/index
    NL80211_ATTR_WIPHY = 1 => Wiphy(wiphy): U32,
    /// wiphy name (used for renaming)
    NL80211_ATTR_WIPHY_NAME = 2 => WiphyName(wiphy_name): CStr,
    /// network interface index of the device to operate on
    NL80211_ATTR_IFINDEX = 3 => Ifindex(ifindex): U32,
    /// network interface name
    NL80211_ATTR_IFNAME = 4 => Ifname(ifname): CStr,
    /// type of virtual interface, see enum nl80211_iftype
    NL80211_ATTR_IFTYPE = 5 => Iftype(iftype): Value<Iftype>,
    /// MAC address (various uses)
    NL80211_ATTR_MAC = 6 => Mac(mac): Mac,
    /// (temporal) key data; for TKIP this consists of 16 bytes encryption key followed by 8 bytes each for TX and RX MIC keys
    NL80211_ATTR_KEY_DATA = 7 => KeyData(key_data): Bytes,
    /// key ID (u8, 0-3)
    NL80211_ATTR_KEY_IDX = 8 => KeyIdx(key_idx): U8,
    /// key cipher suite (u32, as defined by IEEE 802.11 section 7.3.2.25.1, e.g. 0x000FAC04)
    NL80211_ATTR_KEY_CIPHER = 9 => KeyCipher(key_cipher): U32,
    /// transmit key sequence number (IV/PN) for TKIP and CCMP keys, each six bytes in little endian
    NL80211_ATTR_KEY_SEQ = 10 => KeySeq(key_seq): Bytes,
    /// Flag attribute indicating the key is default key
    NL80211_ATTR_KEY_DEFAULT = 11 => KeyDefault(key_default): Flag,
    /// beacon interval in TU
    NL80211_ATTR_BEACON_INTERVAL = 12 => BeaconInterval(beacon_interval): U32,
    /// DTIM period for beaconing
    NL80211_ATTR_DTIM_PERIOD = 13 => DtimPeriod(dtim_period): U32,
    /// portion of the beacon before the TIM IE
    NL80211_ATTR_BEACON_HEAD = 14 => BeaconHead(beacon_head): Bytes,
    /// portion of the beacon after the TIM IE
    NL80211_ATTR_BEACON_TAIL = 15 => BeaconTail(beacon_tail): Bytes,
    /// Association ID for the station (u16)
    NL80211_ATTR_STA_AID = 16 => StaAid(sta_aid): U16,
    /// flags, nested element with NLA_FLAG attributes of enum nl80211_sta_flags (deprecated, use NL80211_ATTR_STA_FLAGS2)
    NL80211_ATTR_STA_FLAGS = 17 => StaFlags(sta_flags): Bytes,
    /// listen interval as defined by IEEE 802.11 7.3.1.6 (u16).
    NL80211_ATTR_STA_LISTEN_INTERVAL = 18 => StaListenInterval(sta_listen_interval): U16,
    /// supported rates, array of supported rates as defined by IEEE 802.11 7.3.2.2 but without the length restriction (at most NL80211_MAX_SUPP_RATES).
    NL80211_ATTR_STA_SUPPORTED_RATES = 19 => StaSupportedRates(sta_supported_rates): Bytes,
    /// interface index of VLAN interface to move station to, or the AP interface the station was originally added to.
    NL80211_ATTR_STA_VLAN = 20 => StaVlan(sta_vlan): U32,
    /// information about a station, part of station info given for NL80211_CMD_GET_STATION, nested attribute containing info as possible, see enum nl80211_sta_info.
    NL80211_ATTR_STA_INFO = 21 => StaInfo(sta_info): NestedNoFlag<Nl80211StaInfoAttrs>,
    /// Information about an operating bands, consisting of a nested array.
    NL80211_ATTR_WIPHY_BANDS = 22 => WiphyBands(wiphy_bands): NestedNoFlag<ArrayOf<Nl80211BandAttrs>>,
    /// flags, nested element with NLA_FLAG attributes of enum nl80211_mntr_flags.
    NL80211_ATTR_MNTR_FLAGS = 23 => MntrFlags(mntr_flags): NestedNoFlag<RawAttrs>,
    /// mesh id (1-32 bytes).
    NL80211_ATTR_MESH_ID = 24 => MeshId(mesh_id): Bytes,
    /// action to perform on the mesh peer link (see enum nl80211_plink_action).
    NL80211_ATTR_STA_PLINK_ACTION = 25 => StaPlinkAction(sta_plink_action): U8,
    /// MAC address of the next hop for a mesh path.
    NL80211_ATTR_MPATH_NEXT_HOP = 26 => MpathNextHop(mpath_next_hop): Bytes,
    /// information about a mesh_path, part of mesh path info given for NL80211_CMD_GET_MPATH, nested attribute described at enum nl80211_mpath_info.
    NL80211_ATTR_MPATH_INFO = 27 => MpathInfo(mpath_info): Bytes,
    /// whether CTS protection is enabled (u8, 0 or 1)
    NL80211_ATTR_BSS_CTS_PROT = 28 => BssCtsProt(bss_cts_prot): U8,
    /// whether short preamble is enabled (u8, 0 or 1)
    NL80211_ATTR_BSS_SHORT_PREAMBLE = 29 => BssShortPreamble(bss_short_preamble): U8,
    /// whether short slot time enabled (u8, 0 or 1)
    NL80211_ATTR_BSS_SHORT_SLOT_TIME = 30 => BssShortSlotTime(bss_short_slot_time): U8,
    /// HT Capability information element (from association request when used with NL80211_CMD_NEW_STATION)
    NL80211_ATTR_HT_CAPABILITY = 31 => HtCapability(ht_capability): Bytes,
    /// nested attribute containing all supported interface types, each a flag attribute with the number of the interface mode.
    NL80211_ATTR_SUPPORTED_IFTYPES = 32 => SupportedIftypes(supported_iftypes): NestedNoFlag<Nl80211IftypeAttrs>,
    /// an ISO-3166-alpha2 country code for which the current regulatory domain should be set to or is already set to. For example, 'CR', for Costa Rica. This attribute is used by the kernel to query the ...
    NL80211_ATTR_REG_ALPHA2 = 33 => RegAlpha2(reg_alpha2): CStr,
    /// a nested array of regulatory domain regulatory rules.
    NL80211_ATTR_REG_RULES = 34 => RegRules(reg_rules): NestedNoFlag<RawAttrs>,
    /// Mesh configuration parameters, a nested attribute containing attributes from enum nl80211_meshconf_params.
    NL80211_ATTR_MESH_CONFIG = 35 => MeshConfig(mesh_config): Bytes,
    /// basic rates, array of basic rates in format defined by IEEE 802.11 7.3.2.2 but without the length restriction (at most NL80211_MAX_SUPP_RATES).
    NL80211_ATTR_BSS_BASIC_RATES = 36 => BssBasicRates(bss_basic_rates): Bytes,
    /// a nested array of TX queue parameters
    NL80211_ATTR_WIPHY_TXQ_PARAMS = 37 => WiphyTxqParams(wiphy_txq_params): NestedNoFlag<RawAttrs>,
    /// frequency of the selected channel in MHz, defines the channel together with the (deprecated) NL80211_ATTR_WIPHY_CHANNEL_TYPE attribute or the attributes NL80211_ATTR_CHANNEL_WIDTH and if needed ...
    NL80211_ATTR_WIPHY_FREQ = 38 => WiphyFreq(wiphy_freq): U32,
    /// included with NL80211_ATTR_WIPHY_FREQ if HT20 or HT40 are to be used (i.e., HT disabled if not included): NL80211_CHAN_NO_HT = HT not allowed (i.e., same as not including this attribute) ...
    NL80211_ATTR_WIPHY_CHANNEL_TYPE = 39 => WiphyChannelType(wiphy_channel_type): U32,
    /// Flag attribute indicating the key is the default management key
    NL80211_ATTR_KEY_DEFAULT_MGMT = 40 => KeyDefaultMgmt(key_default_mgmt): Flag,
    /// Management frame subtype for NL80211_CMD_SET_MGMT_EXTRA_IE.
    NL80211_ATTR_MGMT_SUBTYPE = 41 => MgmtSubtype(mgmt_subtype): U8,
    /// Information element(s) data (used, e.g., with NL80211_CMD_SET_MGMT_EXTRA_IE).
    NL80211_ATTR_IE = 42 => Ie(ie): IesKind,
    /// number of SSIDs you can scan with a single scan request, a wiphy attribute.
    NL80211_ATTR_MAX_NUM_SCAN_SSIDS = 43 => MaxNumScanSsids(max_num_scan_ssids): U8,
    /// nested attribute with frequencies (in MHz)
    NL80211_ATTR_SCAN_FREQUENCIES = 44 => ScanFrequencies(scan_frequencies): NestedNoFlag<RawAttrs>,
    /// nested attribute with SSIDs, leave out for passive scanning and include a zero-length SSID (wildcard) for wildcard scan
    NL80211_ATTR_SCAN_SSIDS = 45 => ScanSsids(scan_ssids): NestedNoFlag<RawAttrs>,
    /// Used to indicate consistent snapshots for dumps. This number increases whenever the object list being dumped changes, and as such userspace can verify that it has obtained a complete and consistent ...
    NL80211_ATTR_GENERATION = 46 => Generation(generation): U32,
    /// scan result BSS
    NL80211_ATTR_BSS = 47 => Bss(bss): NestedNoFlag<Nl80211BssAttrs>,
    /// indicates who requested the regulatory domain currently in effect. This could be any of the NL80211_REGDOM_SET_BY_*
    NL80211_ATTR_REG_INITIATOR = 48 => RegInitiator(reg_initiator): U8,
    /// indicates the type of the regulatory domain currently set. This can be one of the nl80211_reg_type (NL80211_REGDOM_TYPE_*)
    NL80211_ATTR_REG_TYPE = 49 => RegType(reg_type): U8,
    /// wiphy attribute that specifies an array of command numbers (i.e. a mapping index to command number) that the driver for the given wiphy supports.
    NL80211_ATTR_SUPPORTED_COMMANDS = 50 => SupportedCommands(supported_commands): NestedNoFlag<RawAttrs>,
    /// frame data (binary attribute), including frame header and body, but not FCS; used, e.g., with NL80211_CMD_AUTHENTICATE and NL80211_CMD_ASSOCIATE events
    NL80211_ATTR_FRAME = 51 => Frame(frame): Bytes,
    /// SSID (binary attribute, 0..32 octets)
    NL80211_ATTR_SSID = 52 => Ssid(ssid): Bytes,
    /// AuthenticationType, see enum nl80211_auth_type, represented as a u32
    NL80211_ATTR_AUTH_TYPE = 53 => AuthType(auth_type): U32,
    /// ReasonCode for NL80211_CMD_DEAUTHENTICATE and NL80211_CMD_DISASSOCIATE, u16
    NL80211_ATTR_REASON_CODE = 54 => ReasonCode(reason_code): U16,
    /// Key Type, see enum nl80211_key_type, represented as a u32
    NL80211_ATTR_KEY_TYPE = 55 => KeyType(key_type): U32,
    /// maximum length of information elements that can be added to a scan request
    NL80211_ATTR_MAX_SCAN_IE_LEN = 56 => MaxScanIeLen(max_scan_ie_len): U16,
    /// a set of u32 values indicating the supported cipher suites
    NL80211_ATTR_CIPHER_SUITES = 57 => CipherSuites(cipher_suites): U32ArrayKind,
    /// A channel which has suffered a regulatory change due to considerations from a beacon hint. This attribute reflects the state of the channel _before_ the beacon hint processing. This attributes ...
    NL80211_ATTR_FREQ_BEFORE = 58 => FreqBefore(freq_before): NestedNoFlag<RawAttrs>,
    /// A channel which has suffered a regulatory change due to considerations from a beacon hint. This attribute reflects the state of the channel _after_ the beacon hint processing. This attributes ...
    NL80211_ATTR_FREQ_AFTER = 59 => FreqAfter(freq_after): NestedNoFlag<RawAttrs>,
    /// a flag indicating the IBSS should not try to look for other networks on different channels
    NL80211_ATTR_FREQ_FIXED = 60 => FreqFixed(freq_fixed): Flag,
    /// TX retry limit for frames whose length is less than or equal to the RTS threshold; allowed range: 1..255; dot11ShortRetryLimit; u8
    NL80211_ATTR_WIPHY_RETRY_SHORT = 61 => WiphyRetryShort(wiphy_retry_short): U8,
    /// TX retry limit for frames whose length is greater than the RTS threshold; allowed range: 1..255; dot11ShortLongLimit; u8
    NL80211_ATTR_WIPHY_RETRY_LONG = 62 => WiphyRetryLong(wiphy_retry_long): U8,
    /// fragmentation threshold, i.e., maximum length in octets for frames; allowed range: 256..8000, disable fragmentation with (u32)-1; dot11FragmentationThreshold; u32
    NL80211_ATTR_WIPHY_FRAG_THRESHOLD = 63 => WiphyFragThreshold(wiphy_frag_threshold): U32,
    /// RTS threshold (TX frames with length larger than or equal to this use RTS/CTS handshake); allowed range: 0..65536, disable with (u32)-1; dot11RTSThreshold; u32
    NL80211_ATTR_WIPHY_RTS_THRESHOLD = 64 => WiphyRtsThreshold(wiphy_rts_threshold): U32,
    /// a flag indicating than an operation timed out; this is used, e.g., with NL80211_CMD_AUTHENTICATE event
    NL80211_ATTR_TIMED_OUT = 65 => TimedOut(timed_out): Flag,
    /// Whether management frame protection (IEEE 802.11w) is used for the association (enum nl80211_mfp, represented as a u32); this attribute can be used with NL80211_CMD_ASSOCIATE and NL80211_CMD_CONNECT ...
    NL80211_ATTR_USE_MFP = 66 => UseMfp(use_mfp): U32,
    /// Attribute containing a struct nl80211_sta_flag_update.
    NL80211_ATTR_STA_FLAGS2 = 67 => StaFlags2(sta_flags2): Bytes,
    /// A flag indicating whether user space controls IEEE 802.1X port, i.e., sets/clears NL80211_STA_FLAG_AUTHORIZED, in station mode. If the flag is included in NL80211_CMD_ASSOCIATE request, the driver ...
    NL80211_ATTR_CONTROL_PORT = 68 => ControlPort(control_port): Flag,
    /// Testmode data blob, passed through to the driver. We recommend using nested, driver-specific attributes within this.
    NL80211_ATTR_TESTDATA = 69 => Testdata(testdata): Bytes,
    /// Flag attribute, used with connect(), indicating that protected APs should be used. This is also used with NEW_BEACON to indicate that the BSS is to use protection.
    NL80211_ATTR_PRIVACY = 70 => Privacy(privacy): Flag,
    /// A flag indicating that the DISCONNECT event was due to the AP disconnecting the station, and not due to a local disconnect request.
    NL80211_ATTR_DISCONNECTED_BY_AP = 71 => DisconnectedByAp(disconnected_by_ap): Flag,
    /// StatusCode for the NL80211_CMD_CONNECT event (u16)
    NL80211_ATTR_STATUS_CODE = 72 => StatusCode(status_code): U16,
    /// For crypto settings for connect or other commands, indicates which pairwise cipher suites are used
    NL80211_ATTR_CIPHER_SUITES_PAIRWISE = 73 => CipherSuitesPairwise(cipher_suites_pairwise): U32ArrayKind,
    /// For crypto settings for connect or other commands, indicates which group cipher suite is used
    NL80211_ATTR_CIPHER_SUITE_GROUP = 74 => CipherSuiteGroup(cipher_suite_group): U32,
    /// Used with CONNECT, ASSOCIATE, and NEW_BEACON to indicate which WPA version(s) the AP we want to associate with is using (a u32 with flags from enum nl80211_wpa_versions).
    NL80211_ATTR_WPA_VERSIONS = 75 => WpaVersions(wpa_versions): U32,
    /// Used with CONNECT, ASSOCIATE, and NEW_BEACON to indicate which key management algorithm(s) to use (an array of u32). This attribute is also sent in response to @NL80211_CMD_GET_WIPHY, indicating the ...
    NL80211_ATTR_AKM_SUITES = 76 => AkmSuites(akm_suites): U32ArrayKind,
    /// (Re)association request information elements as sent out by the card, for ROAM and successful CONNECT events.
    NL80211_ATTR_REQ_IE = 77 => ReqIe(req_ie): IesKind,
    /// (Re)association response information elements as sent by peer, for ROAM and successful CONNECT events.
    NL80211_ATTR_RESP_IE = 78 => RespIe(resp_ie): IesKind,
    /// previous BSSID, to be used in ASSOCIATE and CONNECT commands to specify a request to reassociate within an ESS, i.e., to use Reassociate Request frame (with the value of this attribute in the Current ...
    NL80211_ATTR_PREV_BSSID = 79 => PrevBssid(prev_bssid): Mac,
    /// key information in a nested attribute with NL80211_KEY_* sub-attributes
    NL80211_ATTR_KEY = 80 => Key(key): NestedNoFlag<RawAttrs>,
    /// array of keys for static WEP keys for connect() and join_ibss(), key information is in a nested attribute each with NL80211_KEY_* sub-attributes
    NL80211_ATTR_KEYS = 81 => Keys(keys): NestedNoFlag<RawAttrs>,
    /// Process ID of a network namespace.
    NL80211_ATTR_PID = 82 => Pid(pid): U32,
    /// Use 4-address frames on a virtual interface
    NL80211_ATTR_4ADDR = 83 => Attr4addr(attr_4addr): U8,
    /// survey information about a channel, part of the survey response for NL80211_CMD_GET_SURVEY, nested attribute containing info as possible, see enum survey_info.
    NL80211_ATTR_SURVEY_INFO = 84 => SurveyInfo(survey_info): NestedNoFlag<RawAttrs>,
    /// PMK material for PMKSA caching.
    NL80211_ATTR_PMKID = 85 => Pmkid(pmkid): Bytes,
    /// maximum number of PMKIDs a firmware can cache, a wiphy attribute.
    NL80211_ATTR_MAX_NUM_PMKIDS = 86 => MaxNumPmkids(max_num_pmkids): U8,
    /// Duration of an operation in milliseconds, u32.
    NL80211_ATTR_DURATION = 87 => Duration(duration): U32,
    /// Generic 64-bit cookie to identify objects.
    NL80211_ATTR_COOKIE = 88 => Cookie(cookie): U64,
    /// Coverage Class as defined by IEEE 802.11 section 7.3.2.9; dot11CoverageClass; u8
    NL80211_ATTR_WIPHY_COVERAGE_CLASS = 89 => WiphyCoverageClass(wiphy_coverage_class): U8,
    /// Nested set of attributes (enum nl80211_tx_rate_attributes) describing TX rates per band. The enum nl80211_band value is used as the index (nla_type() of the nested data. If a band is not included, it ...
    NL80211_ATTR_TX_RATES = 90 => TxRates(tx_rates): NestedNoFlag<RawAttrs>,
    /// A binary attribute which typically must contain at least one byte, currently used with @NL80211_CMD_REGISTER_FRAME.
    NL80211_ATTR_FRAME_MATCH = 91 => FrameMatch(frame_match): Bytes,
    /// Flag attribute indicating that the frame was acknowledged by the recipient.
    NL80211_ATTR_ACK = 92 => Ack(ack): Flag,
    /// powersave state, using enum nl80211_ps_state values.
    NL80211_ATTR_PS_STATE = 93 => PsState(ps_state): U32,
    /// connection quality monitor configuration in a nested attribute with NL80211_ATTR_CQM_* sub-attributes.
    NL80211_ATTR_CQM = 94 => Cqm(cqm): NestedNoFlag<RawAttrs>,
    /// Flag attribute to indicate that a command is requesting a local authentication/association state change without invoking actual management frame exchange. This can be used with ...
    NL80211_ATTR_LOCAL_STATE_CHANGE = 95 => LocalStateChange(local_state_change): Flag,
    /// (AP mode) Do not forward traffic between stations connected to this BSS.
    NL80211_ATTR_AP_ISOLATE = 96 => ApIsolate(ap_isolate): U8,
    /// Transmit power setting type. See enum nl80211_tx_power_setting for possible values.
    NL80211_ATTR_WIPHY_TX_POWER_SETTING = 97 => WiphyTxPowerSetting(wiphy_tx_power_setting): U32,
    /// Transmit power level in signed mBm units. This is used in association with @NL80211_ATTR_WIPHY_TX_POWER_SETTING for non-automatic settings.
    NL80211_ATTR_WIPHY_TX_POWER_LEVEL = 98 => WiphyTxPowerLevel(wiphy_tx_power_level): I32,
    /// wiphy capability attribute, which is a nested attribute of NL80211_ATTR_FRAME_TYPE attributes, containing information about which frame types can be transmitted with NL80211_CMD_FRAME.
    NL80211_ATTR_TX_FRAME_TYPES = 99 => TxFrameTypes(tx_frame_types): NestedNoFlag<RawAttrs>,
    /// wiphy capability attribute, which is a nested attribute of NL80211_ATTR_FRAME_TYPE attributes, containing information about which frame types can be registered for RX.
    NL80211_ATTR_RX_FRAME_TYPES = 100 => RxFrameTypes(rx_frame_types): NestedNoFlag<RawAttrs>,
    /// A u16 indicating the frame type/subtype for the
    NL80211_ATTR_FRAME_TYPE = 101 => FrameType(frame_type): U16,
    /// A 16-bit value indicating the ethertype that will be used for key negotiation. It can be specified with the associate and connect commands. If it is not specified, the value defaults to 0x888E (PAE, ...
    NL80211_ATTR_CONTROL_PORT_ETHERTYPE = 102 => ControlPortEthertype(control_port_ethertype): U16,
    /// When included along with NL80211_ATTR_CONTROL_PORT_ETHERTYPE, indicates that the custom ethertype frames used for key negotiation must not be encrypted.
    NL80211_ATTR_CONTROL_PORT_NO_ENCRYPT = 103 => ControlPortNoEncrypt(control_port_no_encrypt): Flag,
    /// The device supports IBSS RSN, which mostly means support for per-station GTKs.
    NL80211_ATTR_SUPPORT_IBSS_RSN = 104 => SupportIbssRsn(support_ibss_rsn): Flag,
    /// Bitmap of allowed antennas for transmitting. This can be used to mask out antennas which are not attached or should not be used for transmitting. If an antenna is not selected in this bitmap the ...
    NL80211_ATTR_WIPHY_ANTENNA_TX = 105 => WiphyAntennaTx(wiphy_antenna_tx): U32,
    /// Bitmap of allowed antennas for receiving. This can be used to mask out antennas which are not attached or should not be used for receiving. If an antenna is not selected in this bitmap the hardware ...
    NL80211_ATTR_WIPHY_ANTENNA_RX = 106 => WiphyAntennaRx(wiphy_antenna_rx): U32,
    /// Multicast tx rate (in 100 kbps) for IBSS
    NL80211_ATTR_MCAST_RATE = 107 => McastRate(mcast_rate): U32,
    /// For management frame TX, the frame may be transmitted on another channel when the channel given doesn't match the current channel. If the current channel doesn't match and this flag isn't set, the ...
    NL80211_ATTR_OFFCHANNEL_TX_OK = 108 => OffchannelTxOk(offchannel_tx_ok): Flag,
    /// HT operation mode (u16)
    NL80211_ATTR_BSS_HT_OPMODE = 109 => BssHtOpmode(bss_ht_opmode): U16,
    /// A nested attribute containing flags attributes, specifying what a key should be set as default as. See enum nl80211_key_default_types.
    NL80211_ATTR_KEY_DEFAULT_TYPES = 110 => KeyDefaultTypes(key_default_types): NestedNoFlag<RawAttrs>,
    /// Device attribute that specifies the maximum duration that can be requested with the remain-on-channel operation, in milliseconds, u32.
    NL80211_ATTR_MAX_REMAIN_ON_CHANNEL_DURATION = 111 => MaxRemainOnChannelDuration(max_remain_on_channel_duration): U32,
    /// Optional mesh setup parameters. These cannot be changed once the mesh is active.
    NL80211_ATTR_MESH_SETUP = 112 => MeshSetup(mesh_setup): NestedNoFlag<RawAttrs>,
    /// Bitmap of antennas which are available for configuration as TX antennas via the above parameters.
    NL80211_ATTR_WIPHY_ANTENNA_AVAIL_TX = 113 => WiphyAntennaAvailTx(wiphy_antenna_avail_tx): U32,
    /// Bitmap of antennas which are available for configuration as RX antennas via the above parameters.
    NL80211_ATTR_WIPHY_ANTENNA_AVAIL_RX = 114 => WiphyAntennaAvailRx(wiphy_antenna_avail_rx): U32,
    /// Currently, this means the underlying driver allows auth frames in a mesh to be passed to userspace for processing via the @NL80211_MESH_SETUP_USERSPACE_AUTH flag.
    NL80211_ATTR_SUPPORT_MESH_AUTH = 115 => SupportMeshAuth(support_mesh_auth): Flag,
    /// The state of a mesh peer link as defined in enum nl80211_plink_state. Used when userspace is driving the peer link management state machine. @NL80211_MESH_SETUP_USERSPACE_AMPE or
    NL80211_ATTR_STA_PLINK_STATE = 116 => StaPlinkState(sta_plink_state): U8,
    /// used by NL80211_CMD_SET_WOWLAN to indicate which WoW triggers should be enabled. This is also used by NL80211_CMD_GET_WOWLAN to get the currently enabled WoWLAN triggers.
    NL80211_ATTR_WOWLAN_TRIGGERS = 117 => WowlanTriggers(wowlan_triggers): NestedNoFlag<RawAttrs>,
    /// indicates, as part of the wiphy capabilities, the supported WoWLAN triggers
    NL80211_ATTR_WOWLAN_TRIGGERS_SUPPORTED = 118 => WowlanTriggersSupported(wowlan_triggers_supported): NestedNoFlag<RawAttrs>,
    /// Interval between scheduled scan cycles, in msecs.
    NL80211_ATTR_SCHED_SCAN_INTERVAL = 119 => SchedScanInterval(sched_scan_interval): U32,
    /// Nested attribute listing the supported interface combinations. In each nested item, it contains attributes defined in enum nl80211_if_combination_attrs.
    NL80211_ATTR_INTERFACE_COMBINATIONS = 120 => InterfaceCombinations(interface_combinations): NestedNoFlag<RawAttrs>,
    /// Nested attribute (just like NL80211_ATTR_SUPPORTED_IFTYPES) containing the interface types that are managed in software: interfaces of these types aren't subject to any restrictions in their number ...
    NL80211_ATTR_SOFTWARE_IFTYPES = 121 => SoftwareIftypes(software_iftypes): NestedNoFlag<Nl80211IftypeAttrs>,
    /// nested attribute containing the information necessary for GTK rekeying in the device, see enum nl80211_rekey_data.
    NL80211_ATTR_REKEY_DATA = 122 => RekeyData(rekey_data): NestedNoFlag<RawAttrs>,
    /// number of SSIDs you can scan with a single scheduled scan request, a wiphy attribute.
    NL80211_ATTR_MAX_NUM_SCHED_SCAN_SSIDS = 123 => MaxNumSchedScanSsids(max_num_sched_scan_ssids): U8,
    /// maximum length of information elements that can be added to a scheduled scan request
    NL80211_ATTR_MAX_SCHED_SCAN_IE_LEN = 124 => MaxSchedScanIeLen(max_sched_scan_ie_len): U16,
    /// rates per to be advertised as supported in scan, nested array attribute containing an entry for each band, with the entry being a list of supported rates as defined by IEEE 802.11 7.3.2.2 but without ...
    NL80211_ATTR_SCAN_SUPP_RATES = 125 => ScanSuppRates(scan_supp_rates): NestedNoFlag<RawAttrs>,
    /// indicates whether SSID is to be hidden from Beacon and Probe Response (when response to wildcard Probe Request); see enum nl80211_hidden_ssid, represented as a u32
    NL80211_ATTR_HIDDEN_SSID = 126 => HiddenSsid(hidden_ssid): U32,
    /// Information element(s) for Probe Response frame. This is used with NL80211_CMD_NEW_BEACON and NL80211_CMD_SET_BEACON to provide extra IEs (e.g., WPS/P2P IE) into Probe Response frames when the driver ...
    NL80211_ATTR_IE_PROBE_RESP = 127 => IeProbeResp(ie_probe_resp): IesKind,
    /// Information element(s) for (Re)Association Response frames. This is used with NL80211_CMD_NEW_BEACON and NL80211_CMD_SET_BEACON to provide extra IEs (e.g., WPS/P2P IE) into (Re)Association Response ...
    NL80211_ATTR_IE_ASSOC_RESP = 128 => IeAssocResp(ie_assoc_resp): IesKind,
    /// Nested attribute containing the wme configuration of the station, see enum nl80211_sta_wme_attr.
    NL80211_ATTR_STA_WME = 129 => StaWme(sta_wme): NestedNoFlag<RawAttrs>,
    /// the device supports uapsd when working as AP.
    NL80211_ATTR_SUPPORT_AP_UAPSD = 130 => SupportApUapsd(support_ap_uapsd): Flag,
    /// Indicates whether the firmware is capable of roaming to another AP in the same ESS if the signal lever is low.
    NL80211_ATTR_ROAM_SUPPORT = 131 => RoamSupport(roam_support): Flag,
    /// Nested attribute with one or more sets of attributes to match during scheduled scans. Only BSSs that match any of the sets will be reported. These are pass-thru filter rules. For a match to succeed, ...
    NL80211_ATTR_SCHED_SCAN_MATCH = 132 => SchedScanMatch(sched_scan_match): NestedNoFlag<RawAttrs>,
    /// maximum number of sets that can be used with @NL80211_ATTR_SCHED_SCAN_MATCH, a wiphy attribute.
    NL80211_ATTR_MAX_MATCH_SETS = 133 => MaxMatchSets(max_match_sets): U8,
    /// Nested attribute containing the PMKSA caching candidate information, see enum nl80211_pmksa_candidate_attr.
    NL80211_ATTR_PMKSA_CANDIDATE = 134 => PmksaCandidate(pmksa_candidate): NestedNoFlag<RawAttrs>,
    /// Indicates whether to use CCK rate or not for management frames transmission. In order to avoid p2p probe/action frames are being transmitted at CCK rate in 2GHz band, the user space applications use ...
    NL80211_ATTR_TX_NO_CCK_RATE = 135 => TxNoCckRate(tx_no_cck_rate): Flag,
    /// Low level TDLS action code (e.g. link setup request, link setup confirm, link teardown, etc.). Values are described in the TDLS (802.11z) specification.
    NL80211_ATTR_TDLS_ACTION = 136 => TdlsAction(tdls_action): U8,
    /// Non-zero token for uniquely identifying a TDLS conversation between two devices.
    NL80211_ATTR_TDLS_DIALOG_TOKEN = 137 => TdlsDialogToken(tdls_dialog_token): U8,
    /// High level TDLS operation; see enum nl80211_tdls_operation, represented as a u8.
    NL80211_ATTR_TDLS_OPERATION = 138 => TdlsOperation(tdls_operation): U8,
    /// A flag indicating the device can operate as a TDLS peer sta.
    NL80211_ATTR_TDLS_SUPPORT = 139 => TdlsSupport(tdls_support): Flag,
    /// The TDLS discovery/setup and teardown procedures should be performed by sending TDLS packets via NL80211_CMD_TDLS_MGMT. Otherwise NL80211_CMD_TDLS_OPER should be used for asking the driver to perform ...
    NL80211_ATTR_TDLS_EXTERNAL_SETUP = 140 => TdlsExternalSetup(tdls_external_setup): Flag,
    /// This u32 attribute may be listed for devices that have AP support to indicate that they have the AP SME integrated with support for the features listed in this attribute, see enum ...
    NL80211_ATTR_DEVICE_AP_SME = 141 => DeviceApSme(device_ap_sme): U32,
    /// Used with NL80211_CMD_FRAME, this tells the driver to not wait for an acknowledgement. Note that due to this, it will also not give a status callback nor return a cookie. This is mostly useful for ...
    NL80211_ATTR_DONT_WAIT_FOR_ACK = 142 => DontWaitForAck(dont_wait_for_ack): Flag,
    /// This u32 attribute contains flags from enum nl80211_feature_flags and is advertised in wiphy information.
    NL80211_ATTR_FEATURE_FLAGS = 143 => FeatureFlags(feature_flags): U32,
    /// Indicates that the HW responds to probe requests while operating in AP-mode. This attribute holds a bitmap of the supported protocols for offloading (see enum nl80211_probe_resp_offload_support_attr).
    NL80211_ATTR_PROBE_RESP_OFFLOAD = 144 => ProbeRespOffload(probe_resp_offload): U32,
    /// Probe Response template data. Contains the entire probe-response frame. The DA field in the 802.11 header is zero-ed out, to be filled by the FW.
    NL80211_ATTR_PROBE_RESP = 145 => ProbeResp(probe_resp): Bytes,
    /// region for regulatory rules which this country abides to when initiating radiation on DFS channels. A country maps to one DFS region.
    NL80211_ATTR_DFS_REGION = 146 => DfsRegion(dfs_region): U8,
    /// Force HT capable interfaces to disable this feature during association. This is a flag attribute. Currently only supported in mac80211 drivers.
    NL80211_ATTR_DISABLE_HT = 147 => DisableHt(disable_ht): Flag,
    /// Specify which bits of the ATTR_HT_CAPABILITY to which attention should be paid. Currently, only mac80211 NICs support this feature. The values that may be configured are: MCS rates, MAX-AMSDU, ...
    NL80211_ATTR_HT_CAPABILITY_MASK = 148 => HtCapabilityMask(ht_capability_mask): Bytes,
    /// This u16 bitmap contains the No Ack Policy of up to 16 TIDs.
    NL80211_ATTR_NOACK_MAP = 149 => NoackMap(noack_map): U16,
    /// timeout value in seconds, this can be used by the drivers which has MLME in firmware and does not have support to report per station tx/rx activity to free up the station entry from the list. This ...
    NL80211_ATTR_INACTIVITY_TIMEOUT = 150 => InactivityTimeout(inactivity_timeout): U16,
    /// signal strength in dBm (as a 32-bit int); this attribute is (depending on the driver capabilities) added to received frames indicated with NL80211_CMD_FRAME.
    NL80211_ATTR_RX_SIGNAL_DBM = 151 => RxSignalDbm(rx_signal_dbm): I32,
    /// Background scan period in seconds or 0 to disable background scan.
    NL80211_ATTR_BG_SCAN_PERIOD = 152 => BgScanPeriod(bg_scan_period): U16,
    /// wireless device identifier, used for pseudo-devices that don't have a netdev (u64)
    NL80211_ATTR_WDEV = 153 => Wdev(wdev): U64,
    /// type of regulatory hint passed from userspace. If unset it is assumed the hint comes directly from a user. If set code could specify exactly what type of source was used to provide the hint. For the ...
    NL80211_ATTR_USER_REG_HINT_TYPE = 154 => UserRegHintType(user_reg_hint_type): U32,
    /// The reason for which AP has rejected the connection request from a station. nl80211_connect_failed_reason enum has different reasons of connection failure.
    NL80211_ATTR_CONN_FAILED_REASON = 155 => ConnFailedReason(conn_failed_reason): U32,
    /// Fields and elements in Authentication frames. This contains the authentication frame body (non-IE and IE data), excluding the Authentication algorithm number, i.e., starting at the Authentication ...
    NL80211_ATTR_AUTH_DATA = 156 => AuthData(auth_data): Bytes,
    /// VHT Capability information element (from association request when used with NL80211_CMD_NEW_STATION)
    NL80211_ATTR_VHT_CAPABILITY = 157 => VhtCapability(vht_capability): Bytes,
    /// scan request control flags (u32)
    NL80211_ATTR_SCAN_FLAGS = 158 => ScanFlags(scan_flags): U32,
    /// u32 attribute containing one of the values of enum nl80211_chan_width, describing the channel width. See the documentation of the enum for more information.
    NL80211_ATTR_CHANNEL_WIDTH = 159 => ChannelWidth(channel_width): U32,
    /// Center frequency of the first part of the channel, used for anything but 20 MHz bandwidth. In S1G this is the operating channel center frequency.
    NL80211_ATTR_CENTER_FREQ1 = 160 => CenterFreq1(center_freq1): U32,
    /// Center frequency of the second part of the channel, used only for 80+80 MHz bandwidth
    NL80211_ATTR_CENTER_FREQ2 = 161 => CenterFreq2(center_freq2): U32,
    /// P2P GO Client Traffic Window (u8), used with the START_AP and SET_BSS commands
    NL80211_ATTR_P2P_CTWINDOW = 162 => P2pCtwindow(p2p_ctwindow): U8,
    /// P2P GO opportunistic PS (u8), used with the START_AP and SET_BSS commands. This can have the values 0 or 1; if not given in START_AP 0 is assumed, if not given in SET_BSS no change is made.
    NL80211_ATTR_P2P_OPPPS = 163 => P2pOppps(p2p_oppps): U8,
    /// local mesh STA link-specific power mode defined in enum nl80211_mesh_power_mode.
    NL80211_ATTR_LOCAL_MESH_POWER_MODE = 164 => LocalMeshPowerMode(local_mesh_power_mode): U32,
    /// ACL policy, see enum nl80211_acl_policy, carried in a u32 attribute
    NL80211_ATTR_ACL_POLICY = 165 => AclPolicy(acl_policy): U32,
    /// Array of nested MAC addresses, used for MAC ACL.
    NL80211_ATTR_MAC_ADDRS = 166 => MacAddrs(mac_addrs): NestedNoFlag<RawAttrs>,
    /// Type of radar event for notification to userspace, contains a value of enum nl80211_radar_event (u32).
    NL80211_ATTR_RADAR_EVENT = 168 => RadarEvent(radar_event): U32,
    /// 802.11 extended capabilities that the kernel driver has and handles. The format is the same as the IE contents. See 802.11-2012 8.4.2.29 for more information.
    NL80211_ATTR_EXT_CAPA = 169 => ExtCapa(ext_capa): Bytes,
    /// Extended capabilities that the kernel driver has set in the NL80211_ATTR_EXT_CAPA value, for multibit fields.
    NL80211_ATTR_EXT_CAPA_MASK = 170 => ExtCapaMask(ext_capa_mask): Bytes,
    /// Station capabilities (u16) are advertised to the driver, e.g., to enable TDLS power save (PU-APSD).
    NL80211_ATTR_STA_CAPABILITY = 171 => StaCapability(sta_capability): U16,
    /// Station extended capabilities are advertised to the driver, e.g., to enable TDLS off channel operations and PU-APSD.
    NL80211_ATTR_STA_EXT_CAPABILITY = 172 => StaExtCapability(sta_ext_capability): Bytes,
    /// global nl80211 feature flags, see enum nl80211_protocol_features, the attribute is a u32.
    NL80211_ATTR_PROTOCOL_FEATURES = 173 => ProtocolFeatures(protocol_features): U32,
    /// flag attribute, userspace supports receiving the data for a single wiphy split across multiple messages, given with wiphy dump message
    NL80211_ATTR_SPLIT_WIPHY_DUMP = 174 => SplitWiphyDump(split_wiphy_dump): Flag,
    /// Force VHT capable interfaces to disable this feature during association. This is a flag attribute. Currently only supported in mac80211 drivers.
    NL80211_ATTR_DISABLE_VHT = 175 => DisableVht(disable_vht): Flag,
    /// `NL80211_ATTR_VHT_CAPABILITY_MASK`.
    NL80211_ATTR_VHT_CAPABILITY_MASK = 176 => VhtCapabilityMask(vht_capability_mask): Bytes,
    /// Mobility Domain Identifier
    NL80211_ATTR_MDID = 177 => Mdid(mdid): U16,
    /// Resource Information Container Information Element
    NL80211_ATTR_IE_RIC = 178 => IeRic(ie_ric): Bytes,
    /// critical protocol identifier requiring increased reliability, see enum nl80211_crit_proto_id (u16).
    NL80211_ATTR_CRIT_PROT_ID = 179 => CritProtId(crit_prot_id): U16,
    /// duration in milliseconds in which the connection should have increased reliability (u16).
    NL80211_ATTR_MAX_CRIT_PROT_DURATION = 180 => MaxCritProtDuration(max_crit_prot_duration): U16,
    /// Association ID for the peer TDLS station (u16). This is similar to @NL80211_ATTR_STA_AID but with a difference of being allowed to be used with the first @NL80211_CMD_SET_STATION command to update a ...
    NL80211_ATTR_PEER_AID = 181 => PeerAid(peer_aid): U16,
    /// Coalesce rule information.
    NL80211_ATTR_COALESCE_RULE = 182 => CoalesceRule(coalesce_rule): NestedNoFlag<RawAttrs>,
    /// u32 attribute specifying the number of TBTT's until the channel switch event.
    NL80211_ATTR_CH_SWITCH_COUNT = 183 => ChSwitchCount(ch_switch_count): U32,
    /// flag attribute specifying that transmission must be blocked on the current channel (before the channel switch operation). Also included in the channel switch started event if quiet was requested by ...
    NL80211_ATTR_CH_SWITCH_BLOCK_TX = 184 => ChSwitchBlockTx(ch_switch_block_tx): Flag,
    /// Nested set of attributes containing the IE information for the time while performing a channel switch.
    NL80211_ATTR_CSA_IES = 185 => CsaIes(csa_ies): NestedNoFlag<RawAttrs>,
    /// An array of offsets (u16) to the channel switch or color change counters in the beacons tail (NL80211_ATTR_BEACON_TAIL).
    NL80211_ATTR_CNTDWN_OFFS_BEACON = 186 => CntdwnOffsBeacon(cntdwn_offs_beacon): Bytes,
    /// An array of offsets (u16) to the channel switch or color change counters in the probe response (NL80211_ATTR_PROBE_RESP).
    NL80211_ATTR_CNTDWN_OFFS_PRESP = 187 => CntdwnOffsPresp(cntdwn_offs_presp): Bytes,
    /// flags for nl80211_send_mgmt(), u32. As specified in the enum nl80211_rxmgmt_flags.
    NL80211_ATTR_RXMGMT_FLAGS = 188 => RxmgmtFlags(rxmgmt_flags): U32,
    /// array of supported channels.
    NL80211_ATTR_STA_SUPPORTED_CHANNELS = 189 => StaSupportedChannels(sta_supported_channels): Bytes,
    /// array of supported operating classes.
    NL80211_ATTR_STA_SUPPORTED_OPER_CLASSES = 190 => StaSupportedOperClasses(sta_supported_oper_classes): Bytes,
    /// A flag indicating whether user space controls DFS operation in IBSS mode. If the flag is included in NL80211_CMD_JOIN_IBSS request, the driver will allow use of DFS channels and reports radar events ...
    NL80211_ATTR_HANDLE_DFS = 191 => HandleDfs(handle_dfs): Flag,
    /// A flag indicating that the device supports 5 MHz channel bandwidth.
    NL80211_ATTR_SUPPORT_5_MHZ = 192 => Support5Mhz(support_5_mhz): Flag,
    /// A flag indicating that the device supports 10 MHz channel bandwidth.
    NL80211_ATTR_SUPPORT_10_MHZ = 193 => Support10Mhz(support_10_mhz): Flag,
    /// Operating mode field from Operating Mode Notification Element based on association request when used with NL80211_CMD_NEW_STATION or NL80211_CMD_SET_STATION (only when ...
    NL80211_ATTR_OPMODE_NOTIF = 194 => OpmodeNotif(opmode_notif): U8,
    /// The vendor ID, either a 24-bit OUI or, if NL80211_VENDOR_ID_IS_LINUX is set, a special Linux ID (not used yet)
    NL80211_ATTR_VENDOR_ID = 195 => VendorId(vendor_id): U32,
    /// vendor sub-command
    NL80211_ATTR_VENDOR_SUBCMD = 196 => VendorSubcmd(vendor_subcmd): U32,
    /// data for the vendor command, if any; this attribute is also used for vendor command feature advertisement
    NL80211_ATTR_VENDOR_DATA = 197 => VendorData(vendor_data): Bytes,
    /// used for event list advertising in the wiphy info, containing a nested array of possible events
    NL80211_ATTR_VENDOR_EVENTS = 198 => VendorEvents(vendor_events): NestedNoFlag<RawAttrs>,
    /// IP DSCP mapping for Interworking QoS mapping. This data is in the format defined for the payload of the QoS Map Set element in IEEE Std 802.11-2012, 8.4.2.97.
    NL80211_ATTR_QOS_MAP = 199 => QosMap(qos_map): Bytes,
    /// MAC address recommendation as initial BSS
    NL80211_ATTR_MAC_HINT = 200 => MacHint(mac_hint): Mac,
    /// frequency of the recommended initial BSS
    NL80211_ATTR_WIPHY_FREQ_HINT = 201 => WiphyFreqHint(wiphy_freq_hint): U32,
    /// Device attribute that indicates how many associated stations are supported in AP mode (including P2P GO); u32. Since drivers may not have a fixed limit on the maximum number (e.g., other concurrent ...
    NL80211_ATTR_MAX_AP_ASSOC_STA = 202 => MaxApAssocSta(max_ap_assoc_sta): U32,
    /// flags for TDLS peer capabilities, u32. As specified in the enum nl80211_tdls_peer_capability.
    NL80211_ATTR_TDLS_PEER_CAPABILITY = 203 => TdlsPeerCapability(tdls_peer_capability): U32,
    /// Flag attribute, if set during interface creation then the new interface will be owned by the netlink socket that created it and will be destroyed when the socket is closed. If set during scheduled ...
    NL80211_ATTR_SOCKET_OWNER = 204 => SocketOwner(socket_owner): Flag,
    /// An array of csa counter offsets (u16) which should be updated when the frame is transmitted.
    NL80211_ATTR_CSA_C_OFFSETS_TX = 205 => CsaCOffsetsTx(csa_c_offsets_tx): Bytes,
    /// U8 attribute used to advertise the maximum supported number of csa counters.
    NL80211_ATTR_MAX_CSA_COUNTERS = 206 => MaxCsaCounters(max_csa_counters): U8,
    /// flag attribute indicating the current end is the TDLS link initiator.
    NL80211_ATTR_TDLS_INITIATOR = 207 => TdlsInitiator(tdls_initiator): Flag,
    /// flag for indicating whether the current connection shall support Radio Resource Measurements (11k). This attribute can be used with NL80211_CMD_ASSOCIATE and NL80211_CMD_CONNECT requests. User space ...
    NL80211_ATTR_USE_RRM = 208 => UseRrm(use_rrm): Flag,
    /// flag attribute used to enable ACK timeout estimation algorithm (dynack). In order to activate dynack NL80211_FEATURE_ACKTO_ESTIMATION feature flag must be set by lower drivers to indicate dynack ...
    NL80211_ATTR_WIPHY_DYN_ACK = 209 => WiphyDynAck(wiphy_dyn_ack): Flag,
    /// a TSID value (u8 attribute)
    NL80211_ATTR_TSID = 210 => Tsid(tsid): U8,
    /// user priority value (u8 attribute)
    NL80211_ATTR_USER_PRIO = 211 => UserPrio(user_prio): U8,
    /// admitted time in units of 32 microseconds (per second) (u16 attribute)
    NL80211_ATTR_ADMITTED_TIME = 212 => AdmittedTime(admitted_time): U16,
    /// SMPS mode to use (ap mode). see enum nl80211_smps_mode.
    NL80211_ATTR_SMPS_MODE = 213 => SmpsMode(smps_mode): U8,
    /// operating class
    NL80211_ATTR_OPER_CLASS = 214 => OperClass(oper_class): U8,
    /// MAC address mask
    NL80211_ATTR_MAC_MASK = 215 => MacMask(mac_mask): Mac,
    /// flag attribute indicating this device is self-managing its regulatory information and any regulatory domain obtained from it is coming from the device's wiphy and not the global cfg80211 regdomain.
    NL80211_ATTR_WIPHY_SELF_MANAGED_REG = 216 => WiphySelfManagedReg(wiphy_self_managed_reg): Flag,
    /// extended feature flags contained in a byte array. The feature flags are identified by their bit index (see enum nl80211_ext_feature_index). The bit index is ordered starting at the least-significant ...
    NL80211_ATTR_EXT_FEATURES = 217 => ExtFeatures(ext_features): Bytes,
    /// Request overall radio statistics to be returned along with other survey data. If set, @NL80211_CMD_GET_SURVEY may return a survey entry without a channel indicating global radio statistics (only some ...
    NL80211_ATTR_SURVEY_RADIO_STATS = 218 => SurveyRadioStats(survey_radio_stats): Flag,
    /// `NL80211_ATTR_NETNS_FD`.
    NL80211_ATTR_NETNS_FD = 219 => NetnsFd(netns_fd): U32,
    /// delay before the first cycle of a scheduled scan is started. Or the delay before a WoWLAN net-detect scan is started, counting from the moment the system is suspended. This value is a u32, in seconds.
    NL80211_ATTR_SCHED_SCAN_DELAY = 220 => SchedScanDelay(sched_scan_delay): U32,
    /// flag attribute, if set indicates that the device is operating in an indoor environment.
    NL80211_ATTR_REG_INDOOR = 221 => RegIndoor(reg_indoor): Flag,
    /// maximum number of scan plans for scheduled scan supported by the device (u32), a wiphy attribute.
    NL80211_ATTR_MAX_NUM_SCHED_SCAN_PLANS = 222 => MaxNumSchedScanPlans(max_num_sched_scan_plans): U32,
    /// maximum interval (in seconds) for a scan plan (u32), a wiphy attribute.
    NL80211_ATTR_MAX_SCAN_PLAN_INTERVAL = 223 => MaxScanPlanInterval(max_scan_plan_interval): U32,
    /// maximum number of iterations in a scan plan (u32), a wiphy attribute.
    NL80211_ATTR_MAX_SCAN_PLAN_ITERATIONS = 224 => MaxScanPlanIterations(max_scan_plan_iterations): U32,
    /// a list of scan plans for scheduled scan. Each scan plan defines the number of scan iterations and the interval between scans. The last scan plan will always run infinitely, thus it must not specify ...
    NL80211_ATTR_SCHED_SCAN_PLANS = 225 => SchedScanPlans(sched_scan_plans): NestedNoFlag<RawAttrs>,
    /// flag attribute. If set it means operate in a PBSS. Specified in NL80211_CMD_CONNECT to request connecting to a PCP, and in NL80211_CMD_START_AP to start a PCP instead of AP. Relevant for DMG networks ...
    NL80211_ATTR_PBSS = 226 => Pbss(pbss): Flag,
    /// nested attribute for driver supporting the BSS selection feature. When used with NL80211_CMD_GET_WIPHY it contains attributes according enum nl80211_bss_select_attr to indicate what BSS selection ...
    NL80211_ATTR_BSS_SELECT = 227 => BssSelect(bss_select): NestedNoFlag<RawAttrs>,
    /// whether P2P PS mechanism supported or not. u8, one of the values of enum nl80211_sta_p2p_ps_status
    NL80211_ATTR_STA_SUPPORT_P2P_PS = 228 => StaSupportP2pPs(sta_support_p2p_ps): U8,
    /// attribute used for padding for 64-bit alignment
    NL80211_ATTR_PAD = 229 => Pad(pad): Bytes,
    /// Nested attribute of the following attributes: NL80211_ATTR_IFTYPE, NL80211_ATTR_EXT_CAPA, NL80211_ATTR_EXT_CAPA_MASK, to specify the extended capabilities and other interface-type specific ...
    NL80211_ATTR_IFTYPE_EXT_CAPA = 230 => IftypeExtCapa(iftype_ext_capa): NestedNoFlag<RawAttrs>,
    /// array of 24 bytes that defines a MU-MIMO groupID for monitor mode. The first 8 bytes are a mask that defines the membership in each group (there are 64 groups, group 0 and 63 are reserved), each bit ...
    NL80211_ATTR_MU_MIMO_GROUP_DATA = 231 => MuMimoGroupData(mu_mimo_group_data): Bytes,
    /// mac address for the sniffer to follow when using MU-MIMO air sniffer. to turn that feature off set an invalid mac address (e.g. FF:FF:FF:FF:FF:FF)
    NL80211_ATTR_MU_MIMO_FOLLOW_MAC_ADDR = 232 => MuMimoFollowMacAddr(mu_mimo_follow_mac_addr): Mac,
    /// The time at which the scan was actually started (u64). The time is the TSF of the BSS the interface that requested the scan is connected to (if available, otherwise this attribute must not be ...
    NL80211_ATTR_SCAN_START_TIME_TSF = 233 => ScanStartTimeTsf(scan_start_time_tsf): U64,
    /// The BSS according to which NL80211_ATTR_SCAN_START_TIME_TSF is set.
    NL80211_ATTR_SCAN_START_TIME_TSF_BSSID = 234 => ScanStartTimeTsfBssid(scan_start_time_tsf_bssid): Mac,
    /// measurement duration in TUs (u16). If NL80211_ATTR_MEASUREMENT_DURATION_MANDATORY is not set, this is the maximum measurement duration allowed. This attribute is used with measurement requests. It ...
    NL80211_ATTR_MEASUREMENT_DURATION = 235 => MeasurementDuration(measurement_duration): U16,
    /// flag attribute that indicates that the duration specified with NL80211_ATTR_MEASUREMENT_DURATION is mandatory. If this flag is not set, the duration is the maximum duration and the actual measurement ...
    NL80211_ATTR_MEASUREMENT_DURATION_MANDATORY = 236 => MeasurementDurationMandatory(measurement_duration_mandatory): Flag,
    /// Association ID for the mesh peer (u16). This is used to pull the stored data for mesh peer in power save state.
    NL80211_ATTR_MESH_PEER_AID = 237 => MeshPeerAid(mesh_peer_aid): U16,
    /// the master preference to be used by NL80211_CMD_START_NAN and optionally with NL80211_CMD_CHANGE_NAN_CONFIG. Its type is u8 and it can't be 0. Also, values 1 and 255 are reserved for certification ...
    NL80211_ATTR_NAN_MASTER_PREF = 238 => NanMasterPref(nan_master_pref): U8,
    /// operating bands configuration. This is a u32 bitmask of BIT(NL80211_BAND_*) as described in enum nl80211_band. For instance, for NL80211_BAND_2GHZ, bit 0 would be set. This attribute is used with ...
    NL80211_ATTR_BANDS = 239 => Bands(bands): U32,
    /// a function that can be added to NAN. See enum nl80211_nan_func_attributes for description of this nested attribute.
    NL80211_ATTR_NAN_FUNC = 240 => NanFunc(nan_func): NestedNoFlag<RawAttrs>,
    /// used to report a match. This is a nested attribute. See enum nl80211_nan_match_attributes.
    NL80211_ATTR_NAN_MATCH = 241 => NanMatch(nan_match): NestedNoFlag<RawAttrs>,
    /// KEK for FILS (Re)Association Request/Response frame protection.
    NL80211_ATTR_FILS_KEK = 242 => FilsKek(fils_kek): Bytes,
    /// Nonces (part of AAD) for FILS (Re)Association Request/Response frame protection. This attribute contains the 16 octet STA Nonce followed by 16 octets of AP Nonce.
    NL80211_ATTR_FILS_NONCES = 243 => FilsNonces(fils_nonces): Bytes,
    /// Indicates whether or not multicast packets should be send out as unicast to all stations (flag attribute).
    NL80211_ATTR_MULTICAST_TO_UNICAST_ENABLED = 244 => MulticastToUnicastEnabled(multicast_to_unicast_enabled): Flag,
    /// The BSSID of the AP. Note that NL80211_ATTR_MAC is also used in various commands/events for specifying the BSSID.
    NL80211_ATTR_BSSID = 245 => Bssid(bssid): Mac,
    /// Relative RSSI threshold by which other BSSs has to be better or slightly worse than the current connected BSS so that they get reported to user space. This will give an opportunity to userspace to ...
    NL80211_ATTR_SCHED_SCAN_RELATIVE_RSSI = 246 => SchedScanRelativeRssi(sched_scan_relative_rssi): I8,
    /// When present the RSSI level for BSSs in the specified band is to be adjusted before doing NL80211_ATTR_SCHED_SCAN_RELATIVE_RSSI based comparison to figure out better BSSs. The attribute value is a ...
    NL80211_ATTR_SCHED_SCAN_RSSI_ADJUST = 247 => SchedScanRssiAdjust(sched_scan_rssi_adjust): Bytes,
    /// The reason for which an operation timed out. u32 attribute with an enum nl80211_timeout_reason value. This is used, e.g., with NL80211_CMD_CONNECT event.
    NL80211_ATTR_TIMEOUT_REASON = 248 => TimeoutReason(timeout_reason): U32,
    /// EAP Re-authentication Protocol (ERP) username part of NAI used to refer keys rRK and rIK. This is used with NL80211_CMD_CONNECT.
    NL80211_ATTR_FILS_ERP_USERNAME = 249 => FilsErpUsername(fils_erp_username): Bytes,
    /// EAP Re-authentication Protocol (ERP) realm part of NAI specifying the domain name of the ER server. This is used with NL80211_CMD_CONNECT.
    NL80211_ATTR_FILS_ERP_REALM = 250 => FilsErpRealm(fils_erp_realm): Bytes,
    /// Unsigned 16-bit ERP next sequence number to use in ERP messages. This is used in generating the FILS wrapped data for FILS authentication and is used with NL80211_CMD_CONNECT.
    NL80211_ATTR_FILS_ERP_NEXT_SEQ_NUM = 251 => FilsErpNextSeqNum(fils_erp_next_seq_num): U16,
    /// ERP re-authentication Root Key (rRK) for the NAI specified by NL80211_ATTR_FILS_ERP_USERNAME and NL80211_ATTR_FILS_ERP_REALM. This is used for generating rIK and rMSK from successful FILS ...
    NL80211_ATTR_FILS_ERP_RRK = 252 => FilsErpRrk(fils_erp_rrk): Bytes,
    /// A 2-octet identifier advertized by a FILS AP identifying the scope of PMKSAs. This is used with
    NL80211_ATTR_FILS_CACHE_ID = 253 => FilsCacheId(fils_cache_id): Bytes,
    /// attribute for passing PMK key material. Used with NL80211_CMD_SET_PMKSA for the PMKSA identified by NL80211_ATTR_PMKID. For NL80211_CMD_CONNECT and NL80211_CMD_START_AP it is used to provide PSK for ...
    NL80211_ATTR_PMK = 254 => Pmk(pmk): Bytes,
    /// flag attribute which user-space shall use to indicate that it supports multiple active scheduled scan requests.
    NL80211_ATTR_SCHED_SCAN_MULTI = 255 => SchedScanMulti(sched_scan_multi): Flag,
    /// indicates maximum number of scheduled scan request that may be active for the device (u32).
    NL80211_ATTR_SCHED_SCAN_MAX_REQS = 256 => SchedScanMaxReqs(sched_scan_max_reqs): U32,
    /// flag attribute which user-space can include in NL80211_CMD_CONNECT to indicate that for 802.1X authentication it wants to use the supported offload of the 4-way handshake.
    NL80211_ATTR_WANT_1X_4WAY_HS = 257 => Want1x4wayHs(want_1x_4way_hs): Flag,
    /// PMK-R0 Name for offloaded FT.
    NL80211_ATTR_PMKR0_NAME = 258 => Pmkr0Name(pmkr0_name): Bytes,
    /// (reserved)
    NL80211_ATTR_PORT_AUTHORIZED = 259 => PortAuthorized(port_authorized): Bytes,
    /// Identify the requested external authentication operation (u32 attribute with an enum nl80211_external_auth_action value). This is used with the NL80211_CMD_EXTERNAL_AUTH request event.
    NL80211_ATTR_EXTERNAL_AUTH_ACTION = 260 => ExternalAuthAction(external_auth_action): U32,
    /// Flag attribute indicating that the user space supports external authentication. This attribute shall be used with NL80211_CMD_CONNECT and NL80211_CMD_START_AP request. The driver may offload ...
    NL80211_ATTR_EXTERNAL_AUTH_SUPPORT = 261 => ExternalAuthSupport(external_auth_support): Flag,
    /// Station's New/updated RX_NSS value notified using this u8 attribute. This is used with NL80211_CMD_STA_OPMODE_CHANGED.
    NL80211_ATTR_NSS = 262 => Nss(nss): U8,
    /// `NL80211_ATTR_ACK_SIGNAL`.
    NL80211_ATTR_ACK_SIGNAL = 263 => AckSignal(ack_signal): I32,
    /// A flag indicating whether control port frames (e.g. of type given in NL80211_ATTR_CONTROL_PORT_ETHERTYPE) will be sent directly to the network interface or sent via the NL80211 socket. If this ...
    NL80211_ATTR_CONTROL_PORT_OVER_NL80211 = 264 => ControlPortOverNl80211(control_port_over_nl80211): Flag,
    /// TXQ statistics (nested attribute, see enum nl80211_txq_stats)
    NL80211_ATTR_TXQ_STATS = 265 => TxqStats(txq_stats): NestedNoFlag<RawAttrs>,
    /// Total packet limit for the TXQ queues for this phy. The smaller of this and the memory limit is enforced.
    NL80211_ATTR_TXQ_LIMIT = 266 => TxqLimit(txq_limit): U32,
    /// Total memory limit (in bytes) for the TXQ queues for this phy. The smaller of this and the packet limit is enforced.
    NL80211_ATTR_TXQ_MEMORY_LIMIT = 267 => TxqMemoryLimit(txq_memory_limit): U32,
    /// TXQ scheduler quantum (bytes). Number of bytes a flow is assigned on each round of the DRR scheduler.
    NL80211_ATTR_TXQ_QUANTUM = 268 => TxqQuantum(txq_quantum): U32,
    /// HE Capability information element (from association request when used with NL80211_CMD_NEW_STATION). Can be set only if NL80211_STA_FLAG_WME is set.
    NL80211_ATTR_HE_CAPABILITY = 269 => HeCapability(he_capability): Bytes,
    /// nested attribute which user-space can include in NL80211_CMD_START_AP or NL80211_CMD_SET_BEACON for fine timing measurement (FTM) responder functionality and containing parameters as possible, see ...
    NL80211_ATTR_FTM_RESPONDER = 270 => FtmResponder(ftm_responder): NestedNoFlag<RawAttrs>,
    /// Nested attribute with FTM responder statistics, see enum nl80211_ftm_responder_stats.
    NL80211_ATTR_FTM_RESPONDER_STATS = 271 => FtmResponderStats(ftm_responder_stats): NestedNoFlag<RawAttrs>,
    /// Timeout for the given operation in milliseconds (u32), if the attribute is not given no timeout is requested. Note that 0 is an invalid value.
    NL80211_ATTR_TIMEOUT = 272 => Timeout(timeout): U32,
    /// peer measurements request (and result) data, uses nested attributes specified in enum nl80211_peer_measurement_attrs. This is also used for capability advertisement in the wiphy information, with the ...
    NL80211_ATTR_PEER_MEASUREMENTS = 273 => PeerMeasurements(peer_measurements): NestedNoFlag<RawAttrs>,
    /// Station's weight when scheduled by the airtime scheduler.
    NL80211_ATTR_AIRTIME_WEIGHT = 274 => AirtimeWeight(airtime_weight): U16,
    /// Transmit power setting type (u8) for station associated with the AP. See enum nl80211_tx_power_setting for possible values.
    NL80211_ATTR_STA_TX_POWER_SETTING = 275 => StaTxPowerSetting(sta_tx_power_setting): U8,
    /// Transmit power level (s16) in dBm units. This allows to set Tx power for a station. If this attribute is not included, the default per-interface tx power setting will be overriding. Driver should be ...
    NL80211_ATTR_STA_TX_POWER = 276 => StaTxPower(sta_tx_power): I16,
    /// attribute for passing SAE password material. It is used with NL80211_CMD_CONNECT to provide password for offloading SAE authentication for WPA3-Personal networks.
    NL80211_ATTR_SAE_PASSWORD = 277 => SaePassword(sae_password): Bytes,
    /// Enable target wait time responder support.
    NL80211_ATTR_TWT_RESPONDER = 278 => TwtResponder(twt_responder): Flag,
    /// nested attribute for OBSS Packet Detection functionality.
    NL80211_ATTR_HE_OBSS_PD = 279 => HeObssPd(he_obss_pd): NestedNoFlag<RawAttrs>,
    /// bitmap that indicates the 2.16 GHz channel(s) that are allowed to be used for EDMG transmissions. Defined by IEEE P802.11ay/D4.0 section 9.4.2.251. (u8 attribute)
    NL80211_ATTR_WIPHY_EDMG_CHANNELS = 280 => WiphyEdmgChannels(wiphy_edmg_channels): U8,
    /// Channel BW Configuration subfield encodes the allowed channel bandwidth configurations. (u8 attribute) Defined by IEEE P802.11ay/D4.0 section 9.4.2.251, Table 13.
    NL80211_ATTR_WIPHY_EDMG_BW_CONFIG = 281 => WiphyEdmgBwConfig(wiphy_edmg_bw_config): U8,
    /// VLAN ID (1..4094) for the station and VLAN group key (u16).
    NL80211_ATTR_VLAN_ID = 282 => VlanId(vlan_id): U16,
    /// nested attribute for BSS Color Settings.
    NL80211_ATTR_HE_BSS_COLOR = 283 => HeBssColor(he_bss_color): NestedNoFlag<RawAttrs>,
    /// nested array attribute, with each entry using attributes from enum nl80211_iftype_akm_attributes. This attribute is sent in a response to NL80211_CMD_GET_WIPHY indicating supported AKM suites ...
    NL80211_ATTR_IFTYPE_AKM_SUITES = 284 => IftypeAkmSuites(iftype_akm_suites): NestedNoFlag<RawAttrs>,
    /// TID specific configuration in a nested attribute with enum nl80211_tid_config_attr sub-attributes; on output (in wiphy attributes) it contains only the feature sub- attributes.
    NL80211_ATTR_TID_CONFIG = 285 => TidConfig(tid_config): NestedNoFlag<RawAttrs>,
    /// disable preauth frame rx on control port in order to forward/receive them as ordinary data frames.
    NL80211_ATTR_CONTROL_PORT_NO_PREAUTH = 286 => ControlPortNoPreauth(control_port_no_preauth): Flag,
    /// Maximum lifetime for PMKSA in seconds (u32, dot11RSNAConfigPMKReauthThreshold; 0 is not a valid value). An optional parameter configured through NL80211_CMD_SET_PMKSA. Drivers that trigger roaming ...
    NL80211_ATTR_PMK_LIFETIME = 287 => PmkLifetime(pmk_lifetime): U32,
    /// Reauthentication threshold time, in terms of percentage of NL80211_ATTR_PMK_LIFETIME (u8, dot11RSNAConfigPMKReauthThreshold, 1..100). This is an optional parameter configured through ...
    NL80211_ATTR_PMK_REAUTH_THRESHOLD = 288 => PmkReauthThreshold(pmk_reauth_threshold): U8,
    /// multicast flag for the NL80211_CMD_REGISTER_FRAME command, see the description there.
    NL80211_ATTR_RECEIVE_MULTICAST = 289 => ReceiveMulticast(receive_multicast): Flag,
    /// offset of the associated NL80211_ATTR_WIPHY_FREQ in positive KHz. Only valid when supplied with an NL80211_ATTR_WIPHY_FREQ_OFFSET.
    NL80211_ATTR_WIPHY_FREQ_OFFSET = 290 => WiphyFreqOffset(wiphy_freq_offset): U32,
    /// Center frequency offset in KHz for the first channel segment specified in NL80211_ATTR_CENTER_FREQ1.
    NL80211_ATTR_CENTER_FREQ1_OFFSET = 291 => CenterFreq1Offset(center_freq1_offset): U32,
    /// nested attribute with KHz frequencies
    NL80211_ATTR_SCAN_FREQ_KHZ = 292 => ScanFreqKhz(scan_freq_khz): NestedNoFlag<RawAttrs>,
    /// HE 6 GHz Band Capability element (from association request when used with NL80211_CMD_NEW_STATION).
    NL80211_ATTR_HE_6GHZ_CAPABILITY = 293 => He6ghzCapability(he_6ghz_capability): Bytes,
    /// Optional parameter to configure FILS discovery. It is a nested attribute, see enum nl80211_fils_discovery_attributes.
    NL80211_ATTR_FILS_DISCOVERY = 294 => FilsDiscovery(fils_discovery): NestedNoFlag<RawAttrs>,
    /// Optional parameter to configure unsolicited broadcast probe response. It is a nested attribute, see enum nl80211_unsol_bcast_probe_resp_attributes.
    NL80211_ATTR_UNSOL_BCAST_PROBE_RESP = 295 => UnsolBcastProbeResp(unsol_bcast_probe_resp): NestedNoFlag<RawAttrs>,
    /// S1G Capability information element (from association request when used with NL80211_CMD_NEW_STATION)
    NL80211_ATTR_S1G_CAPABILITY = 296 => S1gCapability(s1g_capability): Bytes,
    /// S1G Capability Information element override mask. Used with NL80211_ATTR_S1G_CAPABILITY in NL80211_CMD_ASSOCIATE or NL80211_CMD_CONNECT.
    NL80211_ATTR_S1G_CAPABILITY_MASK = 297 => S1gCapabilityMask(s1g_capability_mask): Bytes,
    /// Indicates the mechanism(s) allowed for SAE PWE derivation in WPA3-Personal networks which are using SAE authentication. This is a u8 attribute that encapsulates one of the values from enum ...
    NL80211_ATTR_SAE_PWE = 298 => SaePwe(sae_pwe): U8,
    /// flag attribute, used with deauth and disassoc events to indicate that an immediate reconnect to the AP is desired.
    NL80211_ATTR_RECONNECT_REQUESTED = 299 => ReconnectRequested(reconnect_requested): Flag,
    /// SAR power limitation specification when used with NL80211_CMD_SET_SAR_SPECS. The message contains fields of nl80211_sar_attrs which specifies the sar type and related sar specs. Sar specs contains ...
    NL80211_ATTR_SAR_SPEC = 300 => SarSpec(sar_spec): NestedNoFlag<RawAttrs>,
    /// Force HE capable interfaces to disable this feature during association. This is a flag attribute. Currently only supported in mac80211 drivers.
    NL80211_ATTR_DISABLE_HE = 301 => DisableHe(disable_he): Flag,
    /// bitmap of the u64 BSS colors for the NL80211_CMD_OBSS_COLOR_COLLISION event.
    NL80211_ATTR_OBSS_COLOR_BITMAP = 302 => ObssColorBitmap(obss_color_bitmap): U64,
    /// u8 attribute specifying the number of TBTT's until the color switch event.
    NL80211_ATTR_COLOR_CHANGE_COUNT = 303 => ColorChangeCount(color_change_count): U8,
    /// u8 attribute specifying the color that we are switching to
    NL80211_ATTR_COLOR_CHANGE_COLOR = 304 => ColorChangeColor(color_change_color): U8,
    /// Nested set of attributes containing the IE information for the time while performing a color switch.
    NL80211_ATTR_COLOR_CHANGE_ELEMS = 305 => ColorChangeElems(color_change_elems): NestedNoFlag<RawAttrs>,
    /// Nested attribute for multiple BSSID advertisements (MBSSID) parameters in AP mode. Kernel uses this attribute to indicate the driver's support for MBSSID and enhanced multi-BSSID advertisements (EMA ...
    NL80211_ATTR_MBSSID_CONFIG = 306 => MbssidConfig(mbssid_config): NestedNoFlag<RawAttrs>,
    /// Nested parameter to pass multiple BSSID elements. Mandatory parameter for the transmitting interface to enable MBSSID. Optional for the non-transmitting interfaces.
    NL80211_ATTR_MBSSID_ELEMS = 307 => MbssidElems(mbssid_elems): NestedNoFlag<RawAttrs>,
    /// Configure dedicated offchannel chain available for radar/CAC detection on some hw. This chain can't be used to transmit or receive frames and it is bounded to a running wdev. Background radar/CAC ...
    NL80211_ATTR_RADAR_BACKGROUND = 308 => RadarBackground(radar_background): Flag,
    /// u32 attribute contains ap settings flags, enumerated in enum nl80211_ap_settings_flags. This attribute shall be used with NL80211_CMD_START_AP request.
    NL80211_ATTR_AP_SETTINGS_FLAGS = 309 => ApSettingsFlags(ap_settings_flags): U32,
    /// EHT Capability information element (from association request when used with NL80211_CMD_NEW_STATION). Can be set only if NL80211_STA_FLAG_WME is set.
    NL80211_ATTR_EHT_CAPABILITY = 310 => EhtCapability(eht_capability): Bytes,
    /// `NL80211_ATTR_DISABLE_EHT`.
    NL80211_ATTR_DISABLE_EHT = 311 => DisableEht(disable_eht): Flag,
    /// A nested array of links, each containing some per-link information and a link ID.
    NL80211_ATTR_MLO_LINKS = 312 => MloLinks(mlo_links): NestedNoFlag<RawAttrs>,
    /// A (u8) link ID for use with MLO, to be used with various commands that need a link ID to operate.
    NL80211_ATTR_MLO_LINK_ID = 313 => MloLinkId(mlo_link_id): U8,
    /// An MLD address, used with various commands such as authenticate/associate.
    NL80211_ATTR_MLD_ADDR = 314 => MldAddr(mld_addr): Mac,
    /// Flag attribute to indicate user space supports MLO connection. Used with NL80211_CMD_CONNECT. If this attribute is not included in NL80211_CMD_CONNECT drivers must not perform MLO connection.
    NL80211_ATTR_MLO_SUPPORT = 315 => MloSupport(mlo_support): Flag,
    /// U16 attribute. Indicates maximum number of AKM suites allowed for NL80211_CMD_CONNECT, NL80211_CMD_ASSOCIATE and NL80211_CMD_START_AP in NL80211_CMD_GET_WIPHY response. If this attribute is not ...
    NL80211_ATTR_MAX_NUM_AKM_SUITES = 316 => MaxNumAkmSuites(max_num_akm_suites): U16,
    /// EML Capability information (u16)
    NL80211_ATTR_EML_CAPABILITY = 317 => EmlCapability(eml_capability): U16,
    /// MLD Capabilities and Operations (u16)
    NL80211_ATTR_MLD_CAPA_AND_OPS = 318 => MldCapaAndOps(mld_capa_and_ops): U16,
    /// Hardware timestamp for TX operation in nanoseconds (u64). This is the device clock timestamp so it will probably reset when the device is stopped or the firmware is reset. When used with ...
    NL80211_ATTR_TX_HW_TIMESTAMP = 319 => TxHwTimestamp(tx_hw_timestamp): Flag,
    /// Hardware timestamp for RX operation in nanoseconds (u64). This is the device clock timestamp so it will probably reset when the device is stopped or the firmware is reset. When used with ...
    NL80211_ATTR_RX_HW_TIMESTAMP = 320 => RxHwTimestamp(rx_hw_timestamp): Flag,
    /// Transition Disable bitmap, for subsequent (re)associations.
    NL80211_ATTR_TD_BITMAP = 321 => TdBitmap(td_bitmap): Bytes,
    /// (u32) Preamble puncturing bitmap, lowest bit corresponds to the lowest 20 MHz channel. Each bit set to 1 indicates that the sub-channel is punctured. Higher 16 bits are reserved.
    NL80211_ATTR_PUNCT_BITMAP = 322 => PunctBitmap(punct_bitmap): U32,
    /// Maximum number of peers that HW timestamping can be enabled for concurrently (u16), a wiphy attribute. A value of 0xffff indicates setting for all peers (i.e. not specifying an address with ...
    NL80211_ATTR_MAX_HW_TIMESTAMP_PEERS = 323 => MaxHwTimestampPeers(max_hw_timestamp_peers): U16,
    /// Indicates whether HW timestamping should be enabled or not (flag attribute).
    NL80211_ATTR_HW_TIMESTAMP_ENABLED = 324 => HwTimestampEnabled(hw_timestamp_enabled): Flag,
    /// Optional nested attribute for reduced neighbor report (RNR) elements. This attribute can be used only when NL80211_MBSSID_CONFIG_ATTR_EMA is enabled. Userspace is responsible for splitting the RNR ...
    NL80211_ATTR_EMA_RNR_ELEMS = 325 => EmaRnrElems(ema_rnr_elems): NestedNoFlag<RawAttrs>,
}
