// Canned API answers for the mini-program page tests.
export const hall = { id: 'demo', name: '示范市政务服务中心', address: '示范市新城区政务大道 88 号', supervisionPhone: '0562-12345', complaintChannel: '12345 热线' }
export const bdc = { id: 'bdc', name: '不动产登记窗口', number: 'A01', scope: '不动产首次登记、转移登记、抵押登记' }

