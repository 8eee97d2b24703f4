//! The request engine of [`NetlinkSocket`]: sequence numbers, one-shot requests answered
//! by an ACK or a typed kernel error, zero-copy dumps up to NLMSG_DONE with
//! NLM_F_DUMP_INTR detection, EBUSY retries, callbacks and decode policies.
//!
//! Messages that arrive for another sequence number (multicast notifications with seq 0,
//! late replies to abandoned requests) are never mixed into a reply: they are kept for
//! [`NetlinkSocket::recv`].

use std::sync::Arc;
use std::time::Duration;

use ferroute_codec::nl::{
    AckMsg, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLMSG_OVERRUN, NlMsg, NlmF, NlmFGet, Visitor,
    nlmsg_align,
};

use crate::error::{Error, KernelError, Result};
use crate::socket::NetlinkSocket;

/// A callback: a predicate choosing messages, and the function that sees them.
#[derive(Clone)]
pub struct Callback {
    pred: Arc<dyn Fn(&NlMsg<'_>) -> bool + Send + Sync>,
    f: Arc<CallbackFn>,
}

/// The function of a callback: `Err(text)` reports a failure without stopping the reader.
pub type CallbackFn = dyn Fn(&NlMsg<'_>) -> std::result::Result<(), String> + Send + Sync;

/// A callback that failed (returned `Err` or panicked). The reader went on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackError {
    /// The id [`NetlinkSocket::add_callback`] returned.
    pub id: u64,
    /// The type of the message it was given.
    pub msg_type: u16,
    /// The message's sequence number.
    pub seq: u32,
    /// The error text (or the panic message).
    pub error: String,
}

/// How a message type is decoded for display (pyroute2's `register_policy`): the same
/// signature as [`describe_message`](ferroute_codec::nl::describe_message)`::<F>`.
pub type DecodeFn = fn(&NlMsg<'_>, &mut dyn Visitor);

/// What a dump does when the kernel marks it NLM_F_DUMP_INTR (the table changed while it
/// was being read, so the result may be inconsistent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntrPolicy {
    /// Return [`Error::DumpInterrupted`] (the default).
    Fail,
    /// Return the result, marked interrupted.
    Partial,
    /// Repeat the dump up to this many times ([`NetlinkSocket::dump_collect`] only; the
    /// streaming forms behave like `Fail` once the stream is consumed), then fail.
    Retry(u32),
}

/// The outcome of a streamed dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DumpSummary {
    /// Messages delivered.
    pub messages: usize,
    /// The kernel set NLM_F_DUMP_INTR on some message.
    pub interrupted: bool,
}

/// A collected dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dumped<T> {
    /// What the mapping function returned, in order.
    pub items: Vec<T>,
    /// The result is marked NLM_F_DUMP_INTR (only with [`IntrPolicy::Partial`]).
    pub interrupted: bool,
    /// How many times the dump was repeated.
    pub retries: u32,
}

impl NetlinkSocket {
    /// The next sequence number: never 0, and not reused before 2^32 - 1 others (a late
    /// reply to an abandoned request is never taken for a new one's).
    pub fn next_seq(&mut self) -> u32 {
        self.seq = self.seq.wrapping_add(1);
        if self.seq == 0 {
            self.seq = 1;
        }
        self.seq
    }

    /// Sets the NLM_F_DUMP_INTR policy of dumps.
    pub fn set_intr_policy(&mut self, p: IntrPolicy) {
        self.intr_policy = p;
    }
    /// How many times a request answered with EBUSY is resent (back-off 1, 2, 4 ... ms).
    pub fn set_ebusy_retries(&mut self, n: u32) {
        self.ebusy_retries = n;
    }

    /// Copies `msg` into the send buffer with a fresh seq, our port id and `flags` added
    /// to NLM_F_REQUEST, and sends it (through the send proxies, if any).
    fn send_prepared(&mut self, msg: &[u8], flags: u16) -> Result<u32> {
        let m = NlMsg::parse(msg)?;
        let seq = self.next_seq();
        self.tx.clear();
        self.tx.extend_from_slice(m.bytes());
        let f = m.nlmsg_flags() | NlmF::REQUEST.bits() | flags;
        self.tx[6..8].copy_from_slice(&f.to_ne_bytes());
        self.tx[8..12].copy_from_slice(&seq.to_ne_bytes());
        self.tx[12..16].copy_from_slice(&self.port.to_ne_bytes());
        self.transmit()?;
        Ok(seq)
    }

    /// Sends `msg` (one message built by the caller; its seq, port and NLM_F_REQUEST|ACK
    /// are set here) and waits for the ACK. A kernel error comes back as
    /// [`Error::Kernel`] with the errno, the extended-ack text and offset, and the
    /// attribute path the offset points into. EBUSY is retried with back-off.
    ///
    /// ```no_run
    /// # use ferroute::{NetlinkSocket, Protocol};
    /// # use ferroute::codec::nl::{MsgBuilder, NlaWriter};
    /// let mut sock = NetlinkSocket::open(Protocol::ROUTE)?;
    /// sock.set_ext_ack(true)?;
    /// // RTM_NEWLINK (16), NLM_F_CREATE|NLM_F_EXCL, ifinfomsg, IFLA_IFNAME, IFLA_LINKINFO
    /// let mut b = MsgBuilder::new(Vec::new(), 16, 0x600, 0, 0)?;
    /// b.append_bytes(&[0u8; 16])?;
    /// b.put_str(3, "br0")?;
    /// let li = b.nest_start(18)?;
    /// b.put_str(1, "bridge")?;
    /// b.nest_end(li)?;
    /// match sock.request(&b.finish()?) {
    ///     Ok(()) => println!("created"),
    ///     Err(e) => println!("failed: {e}"),
    /// }
    /// # Ok::<(), ferroute::Error>(())
    /// ```
    pub fn request(&mut self, msg: &[u8]) -> Result<()> {
        self.request_with(msg, |_| {})
    }

    /// Like [`request`](Self::request), calling `f` with every reply message before the
    /// ACK (the answer of a GET, or the object echoed with NLM_F_ECHO).
    pub fn request_with(&mut self, msg: &[u8], mut f: impl FnMut(NlMsg<'_>)) -> Result<()> {
        let mut attempt = 0;
        loop {
            let seq = self.send_prepared(msg, NlmF::ACK.bits())?;
            match self.wait_ack(seq, &mut f) {
                Err(Error::Kernel(k))
                    if k.errno == rustix::io::Errno::BUSY.raw_os_error()
                        && attempt < self.ebusy_retries =>
                {
                    std::thread::sleep(Duration::from_millis(1 << attempt.min(10)));
                    attempt += 1;
                }
                r => return r,
            }
        }
    }

    fn wait_ack(&mut self, seq: u32, f: &mut impl FnMut(NlMsg<'_>)) -> Result<()> {
        loop {
            let n = self.fill()?;
            let rx = &self.rx[..n];
            let mut pos = 0;
            let mut result = None;
            while pos < n {
                let m = NlMsg::parse_at(&rx[pos..], pos)?;
                pos += nlmsg_align(m.bytes().len());
                if m.nlmsg_seq() != seq || result.is_some() {
                    self.backlog.push_back(m.bytes().to_vec());
                    continue;
                }
                match m.nlmsg_type() {
                    NLMSG_ERROR | NLMSG_DONE => {
                        let ack = AckMsg::parse(m)?;
                        result = Some(if ack.is_ack() {
                            Ok(())
                        } else {
                            Err(Error::Kernel(KernelError::from_ack(&ack, Some(&self.tx))))
                        });
                    }
                    NLMSG_NOOP | NLMSG_OVERRUN => {}
                    _ => f(m),
                }
            }
            if let Some(r) = result {
                return r;
            }
        }
    }

    /// Starts a dump: sends `msg` with NLM_F_REQUEST|NLM_F_DUMP and returns a stream of
    /// the reply messages, borrowed one at a time from the socket's receive buffer (no
    /// allocation per message).
    ///
    /// ```no_run
    /// # use ferroute::{NetlinkSocket, Protocol};
    /// # use ferroute::codec::nl::{MsgBuilder, NlaWriter};
    /// let mut sock = NetlinkSocket::open(Protocol::ROUTE)?;
    /// let mut b = MsgBuilder::new(Vec::new(), 26, 0, 0, 0)?; // RTM_GETROUTE
    /// b.append_bytes(&[2u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])?; // rtmsg, AF_INET
    /// let mut routes = 0;
    /// let mut dump = sock.dump(&b.finish()?)?;
    /// while let Some(m) = dump.next() {
    ///     let _route = m?;
    ///     routes += 1;
    /// }
    /// let summary = dump.finish()?; // Err(DumpInterrupted) if the table changed
    /// assert_eq!(summary.messages, routes);
    /// # Ok::<(), ferroute::Error>(())
    /// ```
    pub fn dump(&mut self, msg: &[u8]) -> Result<Dump<'_>> {
        let seq = self.send_prepared(msg, NlmFGet::DUMP.bits())?;
        Ok(Dump {
            sock: self,
            seq,
            pos: 0,
            end: 0,
            done: false,
            failed: false,
            summary: DumpSummary::default(),
        })
    }

    /// Streams a dump into `f`, one borrowed message at a time. Applies the
    /// [`IntrPolicy`]: `Partial` returns the summary marked interrupted, the others fail
    /// with [`Error::DumpInterrupted`] after reading the dump to its end.
    pub fn dump_each(&mut self, msg: &[u8], mut f: impl FnMut(NlMsg<'_>)) -> Result<DumpSummary> {
        let mut d = self.dump(msg)?;
        while let Some(m) = d.next() {
            f(m?);
        }
        d.finish()
    }

    /// Runs a dump and collects what `f` returns for each message (skipping `None`).
    /// With [`IntrPolicy::Retry`]`(n)` an interrupted dump is repeated up to `n` times.
    pub fn dump_collect<T>(
        &mut self,
        msg: &[u8],
        mut f: impl FnMut(NlMsg<'_>) -> Option<T>,
    ) -> Result<Dumped<T>> {
        let mut retries = 0;
        loop {
            let mut items = Vec::new();
            let mut d = self.dump(msg)?;
            while let Some(m) = d.next() {
                if let Some(t) = f(m?) {
                    items.push(t);
                }
            }
            let interrupted = d.summary.interrupted;
            drop(d);
            match (interrupted, self.intr_policy) {
                (false, _) => {
                    return Ok(Dumped {
                        items,
                        interrupted,
                        retries,
                    });
                }
                (true, IntrPolicy::Partial) => {
                    return Ok(Dumped {
                        items,
                        interrupted,
                        retries,
                    });
                }
                (true, IntrPolicy::Retry(n)) if retries < n => retries += 1,
                (true, _) => return Err(Error::DumpInterrupted),
            }
        }
    }

    // ---- callbacks and policies ----

    /// Registers a callback: `f` sees every received message for which `pred` is true
    /// (replies, dump parts and broadcasts alike), before the caller does. An `Err` or a
    /// panic in `f` is recorded (see [`take_callback_errors`](Self::take_callback_errors))
    /// and never stops the reader. Returns an id for
    /// [`remove_callback`](Self::remove_callback).
    pub fn add_callback(
        &mut self,
        pred: impl Fn(&NlMsg<'_>) -> bool + Send + Sync + 'static,
        f: impl Fn(&NlMsg<'_>) -> std::result::Result<(), String> + Send + Sync + 'static,
    ) -> u64 {
        let id = self.next_cb;
        self.next_cb += 1;
        self.callbacks.push((
            id,
            Callback {
                pred: Arc::new(pred),
                f: Arc::new(f),
            },
        ));
        id
    }
    /// Removes a callback; `false` if there was none with that id.
    pub fn remove_callback(&mut self, id: u64) -> bool {
        let n = self.callbacks.len();
        self.callbacks.retain(|(i, _)| *i != id);
        n != self.callbacks.len()
    }
    /// The callback failures recorded since the last call.
    pub fn take_callback_errors(&mut self) -> Vec<CallbackError> {
        std::mem::take(&mut self.callback_errors)
    }

    pub(crate) fn run_callbacks(&mut self) {
        let rx = &self.rx[..self.rx_len];
        for m in ferroute_codec::nl::Messages::new(rx).flatten() {
            for (id, cb) in &self.callbacks {
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    if (cb.pred)(&m) { (cb.f)(&m) } else { Ok(()) }
                }));
                let err = match r {
                    Ok(Ok(())) => continue,
                    Ok(Err(e)) => e,
                    Err(p) => p
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "callback panicked".into()),
                };
                self.callback_errors.push(CallbackError {
                    id: *id,
                    msg_type: m.nlmsg_type(),
                    seq: m.nlmsg_seq(),
                    error: err,
                });
            }
        }
    }

    /// Registers how messages of `msg_type` are decoded by [`decode`](Self::decode)
    /// (pyroute2's `register_policy`), e.g. `describe_message::<RouteFamily>`.
    pub fn register_policy(&mut self, msg_type: u16, f: DecodeFn) {
        self.policies.insert(msg_type, f);
    }
    /// Removes a policy.
    pub fn unregister_policy(&mut self, msg_type: u16) -> Option<DecodeFn> {
        self.policies.remove(&msg_type)
    }
    /// Decodes `msg` into `out` with the registered policy for its type; without one,
    /// the generic describer (header and raw attributes) is used and `false` returned.
    pub fn decode(&self, msg: &NlMsg<'_>, out: &mut dyn Visitor) -> bool {
        match self.policies.get(&msg.nlmsg_type()) {
            Some(f) => {
                f(msg, out);
                true
            }
            None => {
                ferroute_codec::nl::describe_message::<ferroute_codec::nl::RawFamily>(msg, out);
                false
            }
        }
    }
}

/// A dump in progress: call [`next`](Self::next) until `None`. Each message borrows the
/// socket's receive buffer until the next call (a lending iterator, so not `Iterator`).
/// Dropping it early reads the rest of the dump so it cannot leak into later replies.
pub struct Dump<'s> {
    sock: &'s mut NetlinkSocket,
    seq: u32,
    pos: usize,
    end: usize,
    done: bool,
    failed: bool,
    summary: DumpSummary,
}

impl std::fmt::Debug for Dump<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dump")
            .field("seq", &self.seq)
            .field("done", &self.done)
            .field("summary", &self.summary)
            .finish()
    }
}

impl Dump<'_> {
    /// The next message of the dump, `None` after NLMSG_DONE. An NLMSG_DONE or
    /// NLMSG_ERROR carrying an error gives `Some(Err(Error::Kernel))`, then `None`.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Result<NlMsg<'_>>> {
        if self.done {
            return None;
        }
        let start = loop {
            if self.pos >= self.end {
                match self.sock.fill() {
                    Ok(n) => {
                        self.pos = 0;
                        self.end = n;
                    }
                    Err(e) => {
                        self.done = true;
                        self.failed = true;
                        return Some(Err(e));
                    }
                }
            }
            let sock = &mut *self.sock;
            let rx = &sock.rx[..self.end];
            let m = match NlMsg::parse_at(&rx[self.pos..], self.pos) {
                Ok(m) => m,
                Err(e) => {
                    self.done = true;
                    self.failed = true;
                    return Some(Err(e.into()));
                }
            };
            let start = self.pos;
            self.pos = (self.pos + nlmsg_align(m.bytes().len())).min(self.end);
            if m.nlmsg_seq() != self.seq {
                sock.backlog.push_back(m.bytes().to_vec());
                continue;
            }
            if m.flags().contains(NlmF::DUMP_INTR) {
                self.summary.interrupted = true;
            }
            match m.nlmsg_type() {
                NLMSG_DONE | NLMSG_ERROR => {
                    self.done = true;
                    return match AckMsg::parse(m) {
                        Ok(a) if a.is_ack() => None,
                        Ok(a) => {
                            self.failed = true;
                            Some(Err(Error::Kernel(KernelError::from_ack(
                                &a,
                                Some(&sock.tx),
                            ))))
                        }
                        Err(e) => {
                            self.failed = true;
                            Some(Err(e.into()))
                        }
                    };
                }
                NLMSG_NOOP | NLMSG_OVERRUN => continue,
                _ => break start,
            }
        };
        self.summary.messages += 1;
        let rx = &self.sock.rx[..self.end];
        Some(NlMsg::parse_at(&rx[start..], start).map_err(Error::from))
    }

    /// NLM_F_DUMP_INTR was seen so far.
    pub fn is_interrupted(&self) -> bool {
        self.summary.interrupted
    }

    /// Reads the dump to its end (discarding what is left) and applies the socket's
    /// [`IntrPolicy`]: an interrupted dump is an error unless the policy is `Partial`.
    pub fn finish(mut self) -> Result<DumpSummary> {
        while let Some(m) = self.next() {
            m?;
        }
        if self.summary.interrupted && self.sock.intr_policy != IntrPolicy::Partial {
            return Err(Error::DumpInterrupted);
        }
        Ok(self.summary)
    }
}

impl Drop for Dump<'_> {
    fn drop(&mut self) {
        while !self.done && !self.failed {
            if self.next().is_none() {
                break;
            }
        }
    }
}
